-- Blue/green rebuilds. Each build of a projection's read tables is a generation with its own tables
-- (counter_totals_v2; counter_totals_v1_r2 for an operator's rebuild of v1) and checkpoint
-- (counter-totals.v2, counter-totals.v1.r2). Readers query views named by the bare table names
-- (counter_totals), which point at the serving generation. A switch repoints the views and this row
-- in one transaction, so a reader sees the old tables or the new ones, never a mix.
create table projection_versions (
    projection_name     text        primary key,            -- counter-totals
    active_version      int         not null,
    active_generation   int         not null,
    active_projection   text        not null,               -- its identity: counter-totals.v2
    previous_version    int,
    previous_generation int,
    switched_at         timestamptz not null
);

-- Every generation built or being built: what it reads and which tables it owns, so a later version
-- can report on it and drop its tables even when the code that wrote them is no longer deployed.
create table projection_generations (
    projection      text        primary key,                -- identity and checkpoint: counter-totals.v1.r2
    projection_name text        not null,
    version         int         not null,
    generation      int         not null,
    event_types     text[]      not null,
    tables          text[]      not null,                   -- base names, which are also the views' names
    created_at      timestamptz not null,
    retired_at      timestamptz,                            -- replaced: its tables and checkpoint are gone
    constraint projection_generations_uq unique (projection_name, version, generation)
);

create index projection_generations_live_ix on projection_generations (projection_name) where retired_at is null;

-- Each switch, kept after the replaced generations' tables and checkpoints are dropped.
create table projection_switches (
    id              bigint      generated always as identity primary key,
    projection_name text        not null,
    from_projection text,                                   -- null when a first deployment started serving
    to_projection   text        not null,
    reason          text        not null,
    requested_by    text,                                   -- the operator who asked for the rebuild
    switched_by     text        not null,                   -- the daemon instance that switched
    dropped_tables  text[]      not null,
    switched_at     timestamptz not null,
    constraint projection_switches_reason_ck check (reason in ('first', 'deployed', 'rebuild'))
);

create index projection_switches_name_ix on projection_switches (projection_name, switched_at);

-- Rebuilds operators asked for, from any process. The active instance of that version starts the
-- open one as its next generation and completes it when it switches; one open request per projection.
create table projection_rebuilds (
    id              bigint      generated always as identity primary key,
    projection_name text        not null,
    version         int         not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    generation      int,
    started_at      timestamptz,
    completed_at    timestamptz,
    outcome         text,
    constraint projection_rebuilds_outcome_ck check (
        (completed_at is null and outcome is null) or (completed_at is not null and outcome in ('switched', 'superseded')))
);

create unique index projection_rebuilds_open_ux on projection_rebuilds (projection_name) where completed_at is null;
