-- Where each projection is. The row is updated in the same transaction as the projection's read
-- tables, so an event takes effect exactly once whenever the process dies.
create table projection_checkpoints (
    projection      text        primary key,                -- versioned identity: counter-totals.v1
    transaction_id  xid8        not null default '0',       -- (transaction_id, position) of the last
    position        bigint      not null default 0,         -- event applied or skipped
    events_applied  bigint      not null default 0,
    events_skipped  bigint      not null default 0,
    status          text        not null default 'running',
    owner           text,                                   -- the instance that last became active
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint projection_checkpoints_status_ck check (status in ('running', 'faulted', 'rebuilding'))
);

-- Events a projection failed on. A fault is never skipped silently: it stays open until the event
-- applies (resolved_at) or an operator skips it (skipped_*), which also moves the checkpoint.
create table projection_faults (
    projection      text        not null,
    position        bigint      not null,
    transaction_id  xid8        not null,
    event_id        uuid        not null,
    tenant_id       uuid        not null,
    stream_id       text        not null,
    event_type      text        not null,
    error           text        not null,
    attempts        int         not null default 1,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    resolved_at     timestamptz,
    skipped_at      timestamptz,
    skipped_by      text,
    skip_reason     text,
    constraint projection_faults_pk primary key (projection, position),
    constraint projection_faults_skip_ck check (
        (skipped_at is null and skipped_by is null and skip_reason is null)
        or (skipped_at is not null and skipped_by is not null and skip_reason is not null))
);

create index projection_faults_open_ix on projection_faults (projection, last_failed_at)
    where resolved_at is null and skipped_at is null;
