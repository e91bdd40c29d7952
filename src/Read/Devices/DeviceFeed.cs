using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Read.Devices;

/// <summary>
/// Where a tenant's live device feed starts: after the event at <see cref="LastPosition"/> (the
/// Last-Event-ID a reconnecting client sends), or at the events committing from now on. Null when
/// that position is not one of the tenant's events.
/// </summary>
[Authorize]
public sealed record OpenDeviceFeed(Guid TenantId, long? LastPosition) : IRequest<FeedStart?>;

/// <summary>A place in commit (fence) order: the writing transaction and the global position.</summary>
public readonly record struct FeedMark(ulong TransactionId, long Position);

/// <summary>
/// Read after <see cref="Mark"/>, leaving out <see cref="Seen"/>: events past the mark that had
/// already committed when the feed opened (transactions finish out of order), so a new feed starts
/// with what commits after it opened, no earlier.
/// </summary>
public sealed record FeedStart(FeedMark Mark, IReadOnlyCollection<long> Seen);

/// <summary>One device event as the feed sends it: <see cref="Data"/> is the stored JSON document.</summary>
public sealed record FeedEvent(long Position, ulong TransactionId, string StreamId, string Type, string Data, DateTimeOffset RecordedAt)
{
    public FeedMark Mark => new(TransactionId, Position);
}

/// <summary><see cref="HeldBack"/>: committed events may lie behind a running transaction; read again soon.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Events, FeedMark Next, bool HeldBack);

public sealed class OpenDeviceFeedHandler(Tenancy.TenantReads reads) : IRequestHandler<OpenDeviceFeed, FeedStart?>
{
    // One statement, one snapshot: every transaction below the horizon has ended, and of those at or
    // above it, the ones whose events this snapshot sees have committed too.
    // At most 10,000 already-committed events are remembered; past that a few may be sent again.
    private const string NowSql = $"""
        with fence as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
        select fence.horizon, array(select position from events
                                     where tenant_id = $1 and transaction_id >= fence.horizon
                                       and type like '{DeviceTelemetryViews.EventTypePrefix}%' limit 10000)
          from fence
        """;

    public Task<FeedStart?> Handle(OpenDeviceFeed request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            if (request.LastPosition is not { } position)
            {
                await using var now = new NpgsqlCommand(NowSql, connection, tx);
                now.Parameters.Add(new() { Value = request.TenantId });
                await using var reader = await now.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var horizon = reader.GetFieldValue<ulong>(0);
                return (FeedStart?)new FeedStart(new FeedMark(horizon - 1, long.MaxValue), reader.GetFieldValue<long[]>(1));
            }
            // Resuming is usually near the end: scan the tenant's fence index from there back.
            await using var find = new NpgsqlCommand("""
                select transaction_id from events where tenant_id = $1 and position = $2
                 order by transaction_id desc, position desc limit 1
                """, connection, tx);
            find.Parameters.Add(new() { Value = request.TenantId });
            find.Parameters.Add(new() { Value = position });
            return await find.ExecuteScalarAsync(cancellationToken) is ulong transaction ? new FeedStart(new FeedMark(transaction, position), []) : null;
        }, cancellationToken);
    }
}

/// <summary>
/// Reads a tenant's device events after a mark, under row-level security, in fence order: only rows of
/// transactions older than every running one, so an event that commits late is never passed over.
/// </summary>
public sealed class DeviceFeedReader(Tenancy.TenantReads reads)
{
    private const string PageSql = $"""
        with fence as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
        select e.position, e.transaction_id, e.stream_id, e.type, e.data, e.recorded_at, fence.horizon,
               (select max(transaction_id) from events where tenant_id = $4) >= fence.horizon
          from fence left join lateral (
            select position, transaction_id, stream_id, type, data::text as data, recorded_at from events
             where tenant_id = $4 and transaction_id < fence.horizon and (transaction_id, position) > ($1, $2)
               and type like '{DeviceTelemetryViews.EventTypePrefix}%'
             order by transaction_id, position limit $3) e on true
        """;

    public Task<FeedPage> ReadAsync(Guid tenantId, FeedMark after, int limit, CancellationToken ct) =>
        reads.QueryAsync(tenantId, async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(PageSql, connection, tx);
            command.Parameters.Add(new() { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
            command.Parameters.Add(new() { Value = after.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 1000), NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new() { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
            var events = new List<FeedEvent>();
            var laterCommits = false;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                laterCommits = !reader.IsDBNull(7) && reader.GetBoolean(7);
                if (reader.IsDBNull(0)) continue;
                events.Add(new FeedEvent(reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
            }
            var next = events.Count > 0 ? events[^1].Mark : after;
            return new FeedPage(events, next, events.Count < Math.Clamp(limit, 1, 1000) && laterCommits);
        }, ct);
}
