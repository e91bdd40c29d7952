-- Where each opportunity sits, written in the transaction of its events: the one fact pipeline
-- changes must see at once (a stage or pipeline with open opportunities is not removed or archived).
-- Boards, lists and analytics read the pipeline-board projection's tables instead.
create table opportunity_positions (
    tenant_id uuid not null references tenants,
    opportunity_id uuid not null,
    pipeline_id uuid not null,
    stage_id uuid not null,
    status text not null,
    owner_id uuid not null,
    version bigint not null,
    primary key (tenant_id, opportunity_id)
);
create index opportunity_positions_open on opportunity_positions (tenant_id, pipeline_id, stage_id) where status = 'open';

alter table opportunity_positions enable row level security;
alter table opportunity_positions force row level security;
create policy tenant_isolation on opportunity_positions using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on opportunity_positions to platform_tenant_access;
