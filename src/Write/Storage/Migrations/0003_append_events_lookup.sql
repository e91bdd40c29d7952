-- The slow path of a single append, and every stream of a batch. Reads the stream's version first
-- and looks event ids up only when the expectation does not hold exactly: a retry of a stored
-- append always finds the stream past the version it expected, and when it holds exactly, ids
-- stored elsewhere are caught by events_event_id_uq. The lookup names events alone
-- (event_id = any), so the planner cannot pick a scan of the tenant's whole history.
create or replace function append_events(
    p_tenant uuid, p_stream text, p_expected bigint, p_locked boolean,
    p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
returns table (stream_version bigint, last_position bigint, already_applied boolean)
language plpgsql
as $$
declare
    v_current bigint;
    v_found int;
    v_same_stream int;
    v_offsets int;
    v_version bigint;
    v_position bigint;
begin
    if not p_locked then
        if pg_current_xact_id_if_assigned() is not null then
            raise exception 'an append must be the first write of its transaction' using errcode = 'PL003';
        end if;
        perform pg_advisory_xact_lock(event_stream_lock_key(p_tenant, p_stream));
    end if;

    select coalesce(max(e.version), 0) into v_current
      from events e where e.tenant_id = p_tenant and e.stream_id = p_stream;

    if p_expected < 0 or p_expected <> v_current then
        select count(*), count(*) filter (where e.stream_id = p_stream),
               count(distinct e.version - array_position(p_ids, e.event_id)),
               max(e.version), max(e.position)
          into v_found, v_same_stream, v_offsets, v_version, v_position
          from events e where e.tenant_id = p_tenant and e.event_id = any(p_ids);

        if v_found > 0 then
            if v_found = cardinality(p_ids) and v_same_stream = v_found and v_offsets = 1 then
                return query select v_version, v_position, true;
                return;
            end if;
            raise exception 'event ids already used by other events' using errcode = 'PL002';
        end if;

        if (p_expected = -3 and v_current = 0) or (p_expected >= 0 and p_expected <> v_current) then
            -- The message is the actual version: clients parse it (details are redacted by drivers).
            raise exception '%', v_current using errcode = 'PL001';
        end if;
    end if;

    with inserted as (
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select p_tenant, p_stream, v_current + u.o, u.id, u.t, u.d, u.m
          from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as u(id, t, d, m, o)
         order by u.o
        returning position
    )
    select max(position) into v_position from inserted;

    return query select v_current + cardinality(p_ids), v_position, false;
end
$$;
