-- Customer imports from CSV or XLSX files: one row per import with its progress and counts, and
-- one row per file row with what became of it (new, merged, skipped, invalid) and why.
create table customer_imports (
    tenant_id uuid not null references tenants,
    import_id uuid not null,
    user_id uuid,
    file_name text not null,
    file_hash text not null,
    dry_run boolean not null,
    mapping jsonb not null,
    status text not null,
    total_rows int,
    processed_rows int not null default 0,
    new_rows int not null default 0,
    merged_rows int not null default 0,
    skipped_rows int not null default 0,
    invalid_rows int not null default 0,
    error text,
    created_at timestamptz not null,
    started_at timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, import_id)
);

create table customer_import_rows (
    tenant_id uuid not null references tenants,
    import_id uuid not null,
    row_number int not null,
    outcome text not null,
    reason text,
    customer_id uuid,
    primary key (tenant_id, import_id, row_number)
);
create index customer_import_rows_outcome on customer_import_rows (tenant_id, import_id, outcome, row_number);

do $$
declare
    t text;
begin
    foreach t in array array['customer_imports', 'customer_import_rows']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
        execute format('grant select, insert, update, delete on %I to platform_tenant_access', t);
    end loop;
end
$$;
