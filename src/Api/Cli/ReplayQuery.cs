using Npgsql;
using NpgsqlTypes;
using Platform.Write.Audit;

namespace Platform.Api.Cli;

/// <summary>What <c>replay</c> prints: a tenant's events in commit order, or one stream's, filtered.</summary>
internal sealed record ReplayFilter(Guid TenantId, string? StreamId, string? Type, string? UserId, DateTimeOffset? From, DateTimeOffset? To, long? UpToVersion);

internal static class ReplayQuery
{
    private const int PageSize = 2_000;

    public static async IAsyncEnumerable<StoredEvent> ReadAsync(
        NpgsqlDataSource system, ReplayFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        (ulong Tx, long Position) after = (0, 0);
        while (true)
        {
            var page = new List<StoredEvent>(PageSize);
            await using (var command = Command(system, filter, after))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) page.Add(StoredEvent.Read(reader));
            }
            foreach (var e in page) yield return e;
            if (page.Count < PageSize) yield break;
            after = (page[^1].TransactionId, page[^1].Position);
        }
    }

    private static NpgsqlCommand Command(NpgsqlDataSource system, ReplayFilter filter, (ulong Tx, long Position) after)
    {
        var command = system.CreateCommand();
        var where = new List<string> { "tenant_id = $1", "(transaction_id, position) > ($2, $3)" };
        Add(command, filter.TenantId, NpgsqlDbType.Uuid);
        Add(command, after.Tx, NpgsqlDbType.Xid8);
        Add(command, after.Position, NpgsqlDbType.Bigint);
        if (filter.StreamId is { } stream) where.Add($"stream_id = {Add(command, stream, NpgsqlDbType.Text)}");
        if (filter.Type is { } type) where.Add($"type = {Add(command, type, NpgsqlDbType.Text)}");
        if (filter.UserId is { } user) where.Add($"metadata->>'userId' = {Add(command, user, NpgsqlDbType.Text)}");
        if (filter.From is { } from) where.Add($"recorded_at >= {Add(command, from, NpgsqlDbType.TimestampTz)}");
        if (filter.To is { } to) where.Add($"recorded_at < {Add(command, to, NpgsqlDbType.TimestampTz)}");
        if (filter.UpToVersion is { } version) where.Add($"version <= {Add(command, version, NpgsqlDbType.Bigint)}");
        command.CommandText = $"select {StoredEvent.Columns} from events where {string.Join(" and ", where)} order by transaction_id, position limit {PageSize}";
        return command;
    }

    private static string Add(NpgsqlCommand command, object value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return $"${command.Parameters.Count}";
    }
}
