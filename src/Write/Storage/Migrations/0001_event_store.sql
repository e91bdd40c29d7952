-- The event store: one append-only table, the system of record for every tenant.
-- Every key starts with tenant_id so the table can later be distributed by tenant.
create table events (
    position        bigint generated always as identity,
    tenant_id       uuid        not null,
    stream_id       text        not null,
    version         bigint      not null,
    event_id        uuid        not null,
    type            text        not null,
    data            jsonb       not null,
    metadata        jsonb       not null,
    recorded_at     timestamptz not null default now(),
    -- The writing transaction: readers only pass rows whose transaction is older than every
    -- running one, and checkpoint on (transaction_id, position), so a late commit is never skipped.
    transaction_id  xid8        not null default pg_current_xact_id(),
    constraint events_pk primary key (tenant_id, stream_id, version),
    constraint events_event_id_uq unique (tenant_id, event_id),
    constraint events_version_positive check (version > 0)
);

create index events_fence_ix on events (transaction_id, position);
create index events_tenant_fence_ix on events (tenant_id, transaction_id, position);

-- Advisory lock key of one stream. The bigint lock space never overlaps the (int, int) space
-- that the projection daemon uses for leader election.
create function event_stream_lock_key(p_tenant uuid, p_stream text) returns bigint
language sql immutable parallel safe
as $$ select hashtextextended(p_tenant::text || '/' || p_stream, 0) $$;

-- Locks streams in key order (no deadlocks between batches). It must run before the
-- transaction's first write: the transaction id is then handed out after every earlier writer
-- of these streams committed, so fence order (transaction_id, position) keeps each stream in
-- version order.
create function lock_event_streams(p_tenants uuid[], p_streams text[]) returns void
language plpgsql
as $$
declare
    k bigint;
begin
    if pg_current_xact_id_if_assigned() is not null then
        raise exception 'an append must be the first write of its transaction'
            using errcode = 'PL003';
    end if;
    for k in
        select distinct event_stream_lock_key(t, s) from unnest(p_tenants, p_streams) as u(t, s) order by 1
    loop
        perform pg_advisory_xact_lock(k);
    end loop;
end
$$;
