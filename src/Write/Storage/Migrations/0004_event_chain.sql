-- Tamper evidence: each tenant's events form a hash chain in fence order (transaction_id, position),
-- sealed shortly after commit by the chain sealer, never past an event a running transaction can
-- still commit before. Link n = sha256(link n-1 || the event's stored bytes); see EventChainHash.
create table event_chain (
    tenant_id  uuid        not null,
    seq        bigint      not null,
    event_id   uuid        not null,
    hash       bytea       not null,
    sealed_at  timestamptz not null default now(),
    constraint event_chain_pk primary key (tenant_id, seq),
    constraint event_chain_event_uq unique (tenant_id, event_id)
);

-- Chain heads recorded now and then: a later rewrite of a whole tail, links included, no longer
-- ends at a head recorded before it. Copies kept outside the database (export manifests, verify
-- reports) make the same check against someone who can also rewrite this table.
create table event_chain_heads (
    tenant_id   uuid        not null,
    seq         bigint      not null,
    hash        bytea       not null,
    recorded_at timestamptz not null default now(),
    constraint event_chain_heads_pk primary key (tenant_id, seq)
);

-- The sealer's place in the global fence order (one row).
create table event_chain_sealer (
    id             int    primary key default 1 check (id = 1),
    transaction_id xid8   not null,
    position       bigint not null
);
