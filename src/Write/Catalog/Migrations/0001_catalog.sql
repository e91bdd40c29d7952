-- The catalog's write-side state: one row per listing, written in the transaction of its events.
-- It answers the back office's lists and the plan's inventory count at once; buyers' search reads
-- the search projection's tables instead.
create table listings (
    tenant_id uuid not null references tenants,
    listing_id uuid not null,
    kind text not null,
    status text not null,
    title text not null,
    city text not null,
    price_amount numeric(14, 2) not null,
    price_currency text not null,
    featured boolean not null,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, listing_id)
);
create index listings_status on listings (tenant_id, status, listing_id);

alter table listings enable row level security;
alter table listings force row level security;
create policy tenant_isolation on listings using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on listings to platform_tenant_access;
