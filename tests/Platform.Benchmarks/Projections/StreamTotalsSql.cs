using Npgsql;
using NpgsqlTypes;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// The read model both sides build: one row per stream with its event count, the sum of the
/// events' amounts and the last version. The same statements, built by the same code, on each side.
/// </summary>
internal static class StreamTotalsSql
{
    public const string BaseTable = "stream_totals";

    public static string CreateTable(string table) =>
        $"create table if not exists {table} (tenant_id uuid not null, stream_id text not null, events bigint not null, " +
        "total numeric not null, last_version bigint not null, primary key (tenant_id, stream_id))";

    /// <summary>One event's upsert; typed parameters so neither side pays for type inference.</summary>
    public static NpgsqlBatchCommand Upsert(string table, Guid tenantId, string streamId, decimal amount, long version)
    {
        var command = new NpgsqlBatchCommand(
            $"insert into {table} as t (tenant_id, stream_id, events, total, last_version) values ($1, $2, 1, $3, $4) " +
            "on conflict (tenant_id, stream_id) do update " +
            "set events = t.events + 1, total = t.total + excluded.total, last_version = excluded.last_version");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = amount, NpgsqlDbType = NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        return command;
    }

    /// <summary>What a finished build must hold: every event counted once, the amounts summed.</summary>
    public static string Check(string table) => $"select coalesce(sum(events), 0)::bigint, coalesce(sum(total), 0) from {table}";
}
