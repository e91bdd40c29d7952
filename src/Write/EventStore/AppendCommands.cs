using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>The SQL of an append and its parameters.</summary>
internal static class AppendCommands
{
    public const string AppendSql = "select * from append_events($1, $2, $3, $4, $5, $6, $7, $8)";

    // The common case in one statement without a function call: lock the stream, insert when the
    // expectation holds. No row, or a unique violation (a retry, a race), falls back to append_events,
    // which tells an idempotent retry from a conflict. The lock is taken before the insert hands out
    // the transaction id, which keeps fence order equal to version order (see lock_event_streams).
    public const string FastAppendSql = """
        with stream_lock as materialized (select pg_advisory_xact_lock(event_stream_lock_key($1, $2))),
             head as (select coalesce(max(version), 0) as v from events where tenant_id = $1 and stream_id = $2)
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select $1, $2, head.v + u.o, u.id, u.t, u.d, u.m
          from stream_lock, head, unnest($5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[]) with ordinality as u(id, t, d, m, o)
         where $3 = -2 or ($3 = -3 and head.v > 0) or head.v = $3
        returning version, position
        """;

    // One event, the most common append, with scalar parameters: no arrays to encode and unnest.
    public const string FastAppendOneSql = """
        with stream_lock as materialized (select pg_advisory_xact_lock(event_stream_lock_key($1, $2))),
             head as (select coalesce(max(version), 0) as v from events where tenant_id = $1 and stream_id = $2)
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select $1, $2, head.v + 1, $4, $5, $6, $7
          from stream_lock, head
         where $3 = -2 or ($3 = -3 and head.v > 0) or head.v = $3
        returning version, position
        """;

    public static void AddSingleEventParameters(NpgsqlParameterCollection parameters, PreparedStream stream)
    {
        parameters.Add(new NpgsqlParameter { Value = stream.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = stream.Ids[0], NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.Types[0], NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Data[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = stream.Metadata[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    public static void AddAppendParameters(NpgsqlParameterCollection parameters, PreparedStream stream, bool locked)
    {
        parameters.Add(new NpgsqlParameter { Value = stream.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = locked, NpgsqlDbType = NpgsqlDbType.Boolean });
        parameters.Add(new NpgsqlParameter { Value = stream.Ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = stream.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
    }
}
