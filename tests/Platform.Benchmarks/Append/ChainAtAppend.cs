namespace Platform.Benchmarks.Append;

/// <summary>
/// The other way to build the hash chain, measured against the sealer: link each event in the
/// append's own transaction, under a per-tenant lock held until commit, so the chain's order is the
/// order the appends took the lock. A statement trigger covers every append path (function, fast
/// insert, COPY) and links a whole batch per lock. Same link as EventChainHash: sha256 of the previous
/// link and the length-prefixed fields.
/// </summary>
internal static class ChainAtAppend
{
    public const string InstallSql = """
        create table if not exists bench_chain_tips (tenant_id uuid primary key, seq bigint not null, hash bytea not null);

        create or replace function bench_chain_field(text) returns bytea language sql immutable parallel safe
        as $$ select int4send(octet_length(convert_to($1, 'UTF8'))) || convert_to($1, 'UTF8') $$;

        create or replace function bench_chain_at_append() returns trigger language plpgsql as $$
        declare
            t uuid;
            r record;
            v_seq bigint;
            v_hash bytea;
        begin
            for t in select distinct tenant_id from inserted order by 1 loop
                perform pg_advisory_xact_lock(hashtextextended('platform/event-chain/' || t::text, 0));
                select seq, hash into v_seq, v_hash from bench_chain_tips where tenant_id = t;
                if not found then
                    v_seq := 0;
                    v_hash := decode(repeat('00', 32), 'hex');
                end if;
                for r in select * from inserted where tenant_id = t order by position loop
                    v_seq := v_seq + 1;
                    v_hash := sha256(v_hash || bench_chain_field(r.tenant_id::text) || bench_chain_field(r.stream_id)
                        || bench_chain_field(r.version::text) || bench_chain_field(r.event_id::text) || bench_chain_field(r.type)
                        || bench_chain_field(to_char(r.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                        || bench_chain_field(r.data::text) || bench_chain_field(r.metadata::text));
                    insert into event_chain (tenant_id, seq, event_id, hash) values (t, v_seq, r.event_id, v_hash);
                end loop;
                insert into bench_chain_tips values (t, v_seq, v_hash)
                    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash;
            end loop;
            return null;
        end
        $$;

        drop trigger if exists events_chain_at_append on events;
        create trigger events_chain_at_append after insert on events referencing new table as inserted
            for each statement execute function bench_chain_at_append();
        """;
}
