-- The platform's operators: people who run the platform itself, not members of any tenant. No row
-- has a tenant_id, so row-level security has nothing to key on: only the schema's owner (the
-- system connection) reads or writes these tables, and the application role has no grant.
create table platform_operators (
    operator_id uuid primary key,
    email text not null,
    password_hash text not null,
    active boolean not null default true,
    -- Changes when the password does or the operator is deactivated: every older session stops working.
    security_stamp uuid not null,
    created_at timestamptz not null,
    deactivated_at timestamptz,
    constraint platform_operators_email_uq unique (email)
);
revoke all on platform_operators from public;

create table platform_operator_sessions (
    session_id uuid primary key,
    operator_id uuid not null references platform_operators,
    -- The refresh token carries the generation it was issued at; an older one is a reuse.
    refresh_generation int not null default 1,
    security_stamp uuid not null,
    created_at timestamptz not null,
    refreshed_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_reason text,
    client_address text,
    user_agent text
);
create index platform_operator_sessions_operator on platform_operator_sessions (operator_id);
revoke all on platform_operator_sessions from public;
