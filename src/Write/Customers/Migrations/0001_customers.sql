-- The customers' write-side state: one row per customer, written in the transaction of its events.
-- It answers the back office's lists and filters; customer_contacts holds every phone and e-mail of
-- every customer once per tenant, so a new request from the same person finds its customer.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table customers (
    tenant_id uuid not null references tenants,
    customer_id uuid not null,
    name text not null,
    phones text[] not null,
    emails text[] not null,
    address text,
    notes text,
    fields jsonb not null default '{}',
    -- Name, phones and e-mails, lower-case without accents: what the text filter looks in.
    search text not null,
    source text not null,
    interactions int not null default 0,
    last_activity_at timestamptz,
    -- The third most recent activity: in the frequency window means frequent.
    third_activity_at timestamptz,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, customer_id)
);
create index customers_search on customers using gin (search gin_trgm_ops);
create index customers_fields on customers using gin (fields jsonb_path_ops);
create index customers_recency on customers (tenant_id, (coalesce(last_activity_at, created_at)), customer_id);
create index customers_frequency on customers (tenant_id, third_activity_at, customer_id);

create table customer_contacts (
    tenant_id uuid not null references tenants,
    kind text not null check (kind in ('phone', 'email')),
    value text not null,
    customer_id uuid not null,
    primary key (tenant_id, kind, value)
);
create index customer_contacts_customer on customer_contacts (tenant_id, customer_id);

create table customer_interactions (
    tenant_id uuid not null references tenants,
    interaction_id uuid not null,
    customer_id uuid not null,
    kind text not null,
    outcome text,
    notes text,
    occurred_at timestamptz not null,
    follow_up_on date,
    user_id uuid,
    primary key (tenant_id, interaction_id)
);
create index customer_interactions_customer on customer_interactions (tenant_id, customer_id, occurred_at desc, interaction_id desc);
create index customer_interactions_follow_up on customer_interactions (tenant_id, follow_up_on) where follow_up_on is not null;

do $$
declare
    t text;
begin
    foreach t in array array['customers', 'customer_contacts', 'customer_interactions']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
        execute format('grant select, insert, update, delete on %I to platform_tenant_access', t);
    end loop;
end
$$;

-- The tenant's custom fields of customers; values live in customers.fields under the key.
create table customer_field_definitions (
    tenant_id uuid not null references tenants,
    field_id uuid not null,
    key text not null,
    label text not null,
    type text not null,
    required boolean not null,
    position int not null,
    options text[] not null,
    removed boolean not null default false,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, field_id)
);
create unique index customer_field_definitions_key on customer_field_definitions (tenant_id, key) where not removed;

alter table customer_field_definitions enable row level security;
alter table customer_field_definitions force row level security;
create policy tenant_isolation on customer_field_definitions using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on customer_field_definitions to platform_tenant_access;
