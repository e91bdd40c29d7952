-- Appends events to one stream in one round trip.
-- p_expected: -2 any, -3 the stream must exist, 0 the stream must not exist, n > 0 exact version.
-- Re-sending events whose ids are already stored returns the first result (already_applied).
create function append_events(
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
        perform lock_event_streams(array[p_tenant], array[p_stream]);
    end if;

    select count(*), count(*) filter (where e.stream_id = p_stream), count(distinct e.version - u.o),
           max(e.version), max(e.position)
      into v_found, v_same_stream, v_offsets, v_version, v_position
      from unnest(p_ids) with ordinality as u(id, o)
      join events e on e.tenant_id = p_tenant and e.event_id = u.id;

    if v_found > 0 then
        if v_found = cardinality(p_ids) and v_same_stream = v_found and v_offsets = 1 then
            return query select v_version, v_position, true;
            return;
        end if;
        raise exception 'event ids already used by other events' using errcode = 'PL002';
    end if;

    select coalesce(max(e.version), 0) into v_current
      from events e where e.tenant_id = p_tenant and e.stream_id = p_stream;

    if (p_expected = -3 and v_current = 0) or (p_expected >= 0 and p_expected <> v_current) then
        -- The message is the actual version: clients parse it (details are redacted by drivers).
        raise exception '%', v_current using errcode = 'PL001';
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
