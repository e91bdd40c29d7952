using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// The baseline: the least a hand-written rebuild does. Read a page of events (the daemon's
/// columns, keyset in the same order through the same index, but no fence, type filter or
/// deserialization into event classes), then the same upserts in one batch and one transaction.
/// Timed on the server's clock like ours, up to the return of the last commit.
/// </summary>
internal static class RawRebuild
{
    // The store keys its order on (transaction_id, position), and only that pair is indexed
    // (events_fence_ix); a keyset on position alone would sort the whole table for every page.
    private const string PageSql = """
        select position, transaction_id, tenant_id, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
          from events where (transaction_id, position) > ($1, $2) order by transaction_id, position limit $3
        """;

    private readonly record struct Row(ulong TransactionId, long Position, Guid TenantId, string StreamId, long Version, string Data);

    public static async Task<TimeSpan> RunAsync(string connectionString, int batchSize, CancellationToken ct)
    {
        // Same connection settings as the daemon's, automatic preparation included.
        await using var dataSource = PlatformDataSource.Create(connectionString);
        var table = StreamTotalsProjection.Table;
        var started = await ServerClock.NowAsync(dataSource, ct);
        await using (var create = dataSource.CreateCommand(StreamTotalsSql.CreateTable(table)))
            await create.ExecuteNonQueryAsync(ct);

        (ulong TransactionId, long Position) after = (0, 0);
        while (true)
        {
            var page = await ReadPageAsync(dataSource, after, batchSize, ct);
            if (page.Count == 0) break;
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                foreach (var row in page)
                    batch.BatchCommands.Add(StreamTotalsSql.Upsert(table, row.TenantId, row.StreamId, Amount(row.Data), row.Version));
                await batch.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            after = (page[^1].TransactionId, page[^1].Position);
        }
        return await ServerClock.NowAsync(dataSource, ct) - started;
    }

    private static async Task<List<Row>> ReadPageAsync(
        NpgsqlDataSource dataSource, (ulong TransactionId, long Position) after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var rows = new List<Row>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Every column is fetched, as the daemon does, though only these are used.
            rows.Add(new Row(
                reader.GetFieldValue<ulong>(1), reader.GetInt64(0), reader.GetGuid(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(7)));
            _ = reader.GetGuid(5);
            _ = reader.GetString(6);
            _ = reader.GetString(8);
            _ = reader.GetFieldValue<DateTimeOffset>(9);
        }
        return rows;
    }

    // The one field the upsert needs, read from the stored JSON as a hand-written loop would.
    private static decimal Amount(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("amount").GetDecimal();
    }
}
