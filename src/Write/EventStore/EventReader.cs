using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>
/// Reads events. Streams are read as committed (a handler sees its own writes at once); tenant
/// and global reads follow the transaction fence, so they never pass an event that a running
/// transaction can still commit below their checkpoint.
/// </summary>
public sealed class EventReader(NpgsqlDataSource dataSource, EventSerializer serializer, EventStoreOptions options)
{
    private readonly AppendValidator _validator = new(serializer, options);

    private const string Columns =
        "position, transaction_id, tenant_id, stream_id, version, event_id, type, data::text, metadata::text, recorded_at";

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        Guid tenantId, string streamId, long fromVersion = 1, ReadDirection direction = ReadDirection.Forward,
        int maxCount = int.MaxValue, CancellationToken ct = default)
    {
        _validator.ValidateStreamId(streamId);
        var sql = direction == ReadDirection.Forward
            ? $"select {Columns} from events where tenant_id = $1 and stream_id = $2 and version >= $3 order by version limit $4"
            : $"select {Columns} from events where tenant_id = $1 and stream_id = $2 and version <= $3 order by version desc limit $4";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = fromVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, maxCount), NpgsqlDbType = NpgsqlDbType.Bigint });
        return await ReadAsync(command, ct);
    }

    /// <summary>The stream's current version; 0 when it does not exist (for this tenant).</summary>
    public async Task<long> GetStreamVersionAsync(Guid tenantId, string streamId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select coalesce(max(version), 0) from events where tenant_id = $1 and stream_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One tenant's events in fence order after <paramref name="after"/>.</summary>
    public Task<EventPage> ReadTenantAsync(Guid tenantId, Checkpoint after, int maxCount = 500, CancellationToken ct = default)
    {
        AppendValidator.ValidateTenant(tenantId);
        return ReadPageAsync(tenantId, after, maxCount, ct);
    }

    /// <summary>
    /// Every tenant's events in fence order after <paramref name="after"/>, only of the given
    /// types when <paramref name="types"/> is not null (a projection reads what it handles).
    /// </summary>
    public Task<EventPage> ReadAllAsync(
        Checkpoint after, int maxCount = 500, IReadOnlyCollection<string>? types = null, CancellationToken ct = default) =>
        ReadPageAsync(null, after, maxCount, ct, types);

    private async Task<EventPage> ReadPageAsync(
        Guid? tenantId, Checkpoint after, int maxCount, CancellationToken ct, IReadOnlyCollection<string>? types = null)
    {
        var filter = (tenantId is null ? "" : "tenant_id = $4 and ") + (types is null ? "" : "type = any($5) and ");
        // The fence's horizon comes back with the page (one row even when no event passes), so the
        // held-back question below is asked about exactly the events this read left out.
        await using var command = dataSource.CreateCommand($"""
            with fence as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
            select e.*, fence.horizon from fence left join lateral (
                select {Columns} from events
                 where {filter}transaction_id < fence.horizon and (transaction_id, position) > ($1, $2)
                 order by transaction_id, position limit $3) e on true
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        var limit = Math.Clamp(maxCount, 1, 10_000);
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId ?? Guid.Empty, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = types?.ToArray() ?? [], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var (events, horizon) = await ReadFencedAsync(command, ct);
        var next = events.Count > 0 ? events[^1].Checkpoint : after;
        return new EventPage(events, next, events.Count < limit && await AnyFromAsync(horizon, ct));
    }

    // Any writing transaction in the cluster, even one that appends nothing, holds the fence while
    // it runs, and nobody is notified when it ends: a reader must know to look again soon. Asked of a
    // fresh snapshot, so an event the page left out is seen even if its blocker committed since.
    private async Task<bool> AnyFromAsync(ulong horizon, CancellationToken ct)
    {
        // max() reads one entry at the end of events_fence_ix; "exists (... >= $1)" is planned as a
        // table scan for a parameter, which costs most exactly when nothing is there (caught up).
        await using var command = dataSource.CreateCommand(
            "select coalesce((select max(transaction_id) from events) >= $1, false)");
        command.Parameters.Add(new NpgsqlParameter { Value = horizon, NpgsqlDbType = NpgsqlDbType.Xid8 });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<(List<RecordedEvent> Events, ulong Horizon)> ReadFencedAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        ulong horizon = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            horizon = reader.GetFieldValue<ulong>(10);
            if (!reader.IsDBNull(0)) events.Add(Map(reader));
        }
        return (events, horizon);
    }

    private async Task<List<RecordedEvent>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Map(reader));
        return events;
    }

    private RecordedEvent Map(NpgsqlDataReader reader)
    {
        var type = reader.GetString(6);
        var json = reader.GetString(7);
        return new RecordedEvent(
            reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetGuid(2), reader.GetString(3),
            reader.GetInt64(4), reader.GetGuid(5), type, serializer.Deserialize(type, json), json,
            EventSerializer.DeserializeMetadata(reader.GetString(8)),
            reader.GetFieldValue<DateTimeOffset>(9));
    }
}
