-- One key per data subject (a buyer's quote, a user, a customer) and tenant. The key is stored
-- wrapped by the master key; forgetting the subject overwrites it with null and keeps the row as a
-- tombstone, so a later event about the same subject cannot bring a new key to life. The row holds
-- no personal data: who forgot, when and why is the audit.subject-forgotten.v1 event.
create table subject_keys (
    tenant_id uuid not null,
    subject_id uuid not null,
    wrapped_key bytea,
    created_at timestamptz not null default now(),
    forgotten_at timestamptz,
    primary key (tenant_id, subject_id),
    constraint subject_keys_forgotten check ((wrapped_key is null) = (forgotten_at is not null))
);

-- Subjects that belong to a person: forgetting subject_id forgets linked_subject_id too (and what
-- that one links, transitively). A customer links the leads and quotes it came from.
create table subject_links (
    tenant_id uuid not null,
    subject_id uuid not null,
    linked_subject_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, subject_id, linked_subject_id)
);

do $$
declare
    t text;
begin
    foreach t in array array['subject_keys', 'subject_links']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', t);
    end loop;
end
$$;
grant select, insert, update on subject_keys to platform_tenant_access;
grant select, insert on subject_links to platform_tenant_access;
