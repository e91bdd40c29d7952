-- The device registry's state: one row per device, written in the transaction of its registry
-- events. secret_hash is in mosquitto's password-file format: the broker's password file is
-- generated from these rows, and the HTTP fallback checks a device against the same hash.
create table devices (
    tenant_id uuid not null references tenants,
    device_id uuid not null,
    name text not null,
    profile text not null,
    sensors jsonb not null,
    username text not null,
    secret_hash text,
    status text not null,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, device_id)
);
create unique index devices_username_uq on devices (username);
-- The HTTP fallback knows the device id from its route, not the tenant.
create index devices_device_ix on devices (device_id);
create index devices_active_ix on devices (tenant_id, status);

-- Written by the ingest workers (system connection): when a device was last heard from, and what
-- its status topic (retained online message, or the will) said last.
create table device_presence (
    tenant_id uuid not null,
    device_id uuid not null,
    last_seen_at timestamptz,
    connected boolean,
    connected_at timestamptz,
    primary key (tenant_id, device_id)
);

-- Per (device, boot): every sequence number up to acked is stored (as a reading or a recorded
-- refusal) or was declared done by the device ("first"); highest is the highest ever stored, so a
-- gap closing later knows what lies beyond it. Both only ever rise; the ingest acks acked.
create table device_ack_marks (
    tenant_id uuid not null,
    device_id uuid not null,
    boot bigint not null,
    acked bigint not null,
    highest bigint not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, device_id, boot)
);

do $$
declare
    t text;
begin
    foreach t in array array['devices', 'device_presence', 'device_ack_marks']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
    end loop;
end
$$;
grant select, insert, update on devices to platform_tenant_access;
grant select on device_presence, device_ack_marks to platform_tenant_access;
