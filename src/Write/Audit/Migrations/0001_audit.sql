-- Auditors read their own tenant's chain through the application role, under row-level security.
do $$
declare
    t text;
begin
    foreach t in array array['event_chain', 'event_chain_heads']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id())', t);
        execute format('grant select on %I to platform_tenant_access', t);
    end loop;
end
$$;
