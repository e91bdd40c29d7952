-- A device's rules: one row per rule, written in the transaction of its rule events (registration
-- for a profile's templates, the rule commands for the rest). version is the rule stream's.
create table device_rules (
    tenant_id uuid not null,
    device_id uuid not null,
    rule_id uuid not null,
    name text not null,
    kind text not null,
    sensor text,
    definition jsonb not null,
    template text,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, device_id, rule_id)
);
create unique index device_rules_rule_uq on device_rules (tenant_id, rule_id);

-- Active and past alerts, written in the transaction of each alert event (by the alerts reactor,
-- the no-data sweep, or an acknowledgement). Newest first by alert id (version 7, time-ordered).
create table device_alerts (
    tenant_id uuid not null,
    alert_id uuid not null,
    device_id uuid not null,
    device_name text not null,
    rule_id uuid not null,
    rule_name text not null,
    sensor text,
    severity text not null,
    status text not null,
    condition text not null,
    value numeric,
    raised_at timestamptz not null,
    changed_at timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledgement_note text,
    cleared_at timestamptz,
    clear_reason text,
    version bigint not null,
    primary key (tenant_id, alert_id)
);
-- At most one active alert per (device, rule), whatever writes it.
create unique index device_alerts_active_uq on device_alerts (tenant_id, device_id, rule_id) where status = 'active';
create index device_alerts_status_ix on device_alerts (tenant_id, status, alert_id desc);
create index device_alerts_device_ix on device_alerts (tenant_id, device_id, status, alert_id desc);

-- The alerts reactor's own state per (device, rule): the definition in force at its position in
-- the event store, each level's start, the last value, when data was last heard, the open alert.
-- Written in the daemon's transaction with its checkpoint (exactly once), and by the no-data sweep.
create table alert_rule_watches (
    tenant_id uuid not null,
    device_id uuid not null,
    rule_id uuid not null,
    kind text not null,
    rule jsonb not null,
    progress jsonb not null,
    last_heard_at timestamptz not null,
    alert_id uuid,
    severity text,
    updated_at timestamptz not null,
    primary key (tenant_id, device_id, rule_id)
);
create index alert_rule_watches_silent_ix on alert_rule_watches (last_heard_at) where kind = 'no-data' and alert_id is null;

do $$
declare
    t text;
begin
    foreach t in array array['device_rules', 'device_alerts', 'alert_rule_watches']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
    end loop;
end
$$;
grant select, insert, update, delete on device_rules to platform_tenant_access;
grant select, update on device_alerts to platform_tenant_access;
