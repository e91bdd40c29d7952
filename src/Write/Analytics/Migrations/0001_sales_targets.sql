-- Each month's sales target, written in the transaction of the tenant's sales-targets events. A cleared
-- month keeps its row with no amount, so the highest version of a tenant's rows is its stream's version.
create table sales_targets (
    tenant_id uuid not null references tenants,
    month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount numeric(16, 2),
    currency text,
    version bigint not null,
    updated_at timestamptz not null,
    primary key (tenant_id, month)
);

alter table sales_targets enable row level security;
alter table sales_targets force row level security;
create policy tenant_isolation on sales_targets using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on sales_targets to platform_tenant_access;
