-- The leads' write-side state: one row per lead, written in the transaction of its events. It answers
-- the back office's lists, filters and response-time figures.
create table leads (
    tenant_id uuid not null references tenants,
    lead_id uuid not null,
    customer_id uuid not null,
    source text not null,
    campaign text,
    listing_id uuid,
    name text not null,
    phone text,
    email text,
    message text,
    budget numeric(14, 2),
    timeline text,
    status text not null,
    assignee_id uuid,
    score int not null default 0,
    band text not null default 'cold',
    reasons jsonb not null default '[]',
    disqualify_reason text,
    opportunity_id uuid,
    referral_id uuid,
    contacts int not null default 0,
    first_contacted_at timestamptz,
    first_contacted_by uuid,
    response_seconds bigint,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, lead_id)
);
create index leads_recent on leads (tenant_id, lead_id desc);
create index leads_customer on leads (tenant_id, customer_id);
create index leads_response on leads (tenant_id, created_at) where response_seconds is not null;

-- Round-robin: the salesperson who got the tenant's last lead; updated under the tenant's rotation lock.
create table lead_assignment_rotation (
    tenant_id uuid primary key references tenants,
    last_user_id uuid not null,
    updated_at timestamptz not null
);

-- The inbound webhook's secret, encrypted with the Data Protection key ring (HMAC needs it back).
create table lead_webhook_secrets (
    tenant_id uuid primary key references tenants,
    protected_secret text not null,
    created_at timestamptz not null,
    created_by uuid
);

-- Each tenant's side of a referral: the sender's row says 'sent', the receiver's 'received'. A tenant
-- sees only its rows; the partner is named, never its lead, customer or users.
create table lead_referrals (
    tenant_id uuid not null references tenants,
    referral_id uuid not null,
    direction text not null check (direction in ('sent', 'received')),
    lead_id uuid not null,
    partner_tenant_id uuid not null,
    partner_name text not null,
    commission_percent numeric(5, 2) not null,
    outcome text not null,
    amount numeric(14, 2),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, referral_id)
);
create index lead_referrals_list on lead_referrals (tenant_id, direction, referral_id desc);

do $$
declare
    t text;
begin
    foreach t in array array['leads', 'lead_assignment_rotation', 'lead_webhook_secrets', 'lead_referrals']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
        execute format('grant select, insert, update, delete on %I to platform_tenant_access', t);
    end loop;
end
$$;
