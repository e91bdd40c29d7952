-- The group role of the application's login roles. It owns nothing, cannot bypass row-level
-- security, and holds every grant below; a deployment creates its login role and grants it this.
-- Roles are cluster-wide: databases of one cluster migrating at once race to create it.
do $$
begin
    if not exists (select from pg_roles where rolname = 'platform_tenant_access') then
        create role platform_tenant_access nologin nosuperuser nobypassrls;
    end if;
exception when duplicate_object or unique_violation then
    null;
end
$$;

-- The tenant of the current transaction, or null: a connection that set none sees no rows.
create function current_tenant_id() returns uuid
language sql stable parallel safe
as $$ select nullif(current_setting('platform.tenant_id', true), '')::uuid $$;

create table tenants (
    tenant_id uuid primary key,
    slug text not null,
    name text not null,
    country text not null,
    time_zone text not null,
    currency text not null,
    industry text not null,
    plan text not null,
    status text not null,
    settings jsonb not null default '{}',
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint tenants_slug_uq unique (slug)
);

create table users (
    tenant_id uuid not null references tenants,
    user_id uuid not null,
    email text not null,
    display_name text not null,
    role text not null,
    status text not null,
    password_hash text,
    -- Changes when the password does: every session issued before it stops working.
    security_stamp uuid not null,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, user_id)
);
-- One account per address across the platform, so a sign-in needs no tenant name.
create unique index users_email_uq on users (email);

create table invitations (
    tenant_id uuid not null references tenants,
    invitation_id uuid not null,
    user_id uuid not null,
    token_hash bytea not null,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    primary key (tenant_id, invitation_id)
);

create table sessions (
    tenant_id uuid not null references tenants,
    session_id uuid not null,
    user_id uuid not null,
    -- The refresh token carries the generation it was issued at; an older one is a reuse.
    refresh_generation int not null default 1,
    security_stamp uuid not null,
    created_at timestamptz not null,
    refreshed_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_reason text,
    client_address text,
    user_agent text,
    primary key (tenant_id, session_id)
);
create index sessions_user on sessions (tenant_id, user_id);

create table password_resets (
    tenant_id uuid not null references tenants,
    reset_id uuid not null,
    user_id uuid not null,
    token_hash bytea not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    primary key (tenant_id, reset_id)
);

-- Messages for people (invitations, password resets), written in the transaction that makes
-- them; a mail integration reads and marks them sent. Nothing here sends mail.
create table outbox (
    tenant_id uuid not null,
    message_id uuid not null,
    kind text not null,
    recipient text not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    primary key (tenant_id, message_id)
);
create index outbox_unsent on outbox (created_at) where sent_at is null;

create table idempotency_keys (
    tenant_id uuid not null,
    user_id uuid not null,
    idempotency_key text not null,
    request_type text not null,
    request_hash bytea not null,
    completed boolean not null default false,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id, idempotency_key)
);

do $$
declare
    t text;
begin
    foreach t in array array['tenants', 'users', 'invitations', 'sessions', 'password_resets', 'outbox', 'idempotency_keys']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
        execute format('grant select, insert, update, delete on %I to platform_tenant_access', t);
    end loop;
end
$$;

-- Sign-in and password reset start from an address, before any tenant is known. This function,
-- owned by the schema's owner, is the one door past row-level security, and it answers only for
-- one exact address.
create function find_login(p_email text)
returns table (tenant_id uuid, user_id uuid, password_hash text, user_status text, tenant_status text)
language sql stable security definer set search_path = public
as $$
    select u.tenant_id, u.user_id, u.password_hash, u.status, t.status
      from users u join tenants t on t.tenant_id = u.tenant_id
     where u.email = p_email
$$;
revoke all on function find_login(text) from public;
grant execute on function find_login(text) to platform_tenant_access;

-- The event store: the application appends and reads its own tenant's events only. The system
-- connection (migrations, the projection daemon) must be a superuser or BYPASSRLS: with the policy
-- forced, the table's owner sees nothing either.
alter table events enable row level security;
alter table events force row level security;
create policy tenant_isolation on events using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
grant select, insert on events to platform_tenant_access;

-- Embedded and development runs make the application's login role themselves; its password
-- is kept here, readable by the schema's owner only, so every process of one database shares it.
create table application_role_credentials (
    role_name text primary key,
    password text not null,
    created_at timestamptz not null default now()
);
revoke all on application_role_credentials from public;
