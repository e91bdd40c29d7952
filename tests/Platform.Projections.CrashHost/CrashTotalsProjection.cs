using System.Text.Json;
using Npgsql;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Projections.CrashHost;

/// <summary>
/// One row per stream: events, total and last version. A row only moves from version n to n + 1,
/// so an event applied twice or out of order fails the batch instead of hiding in the totals.
/// </summary>
public sealed class CrashTotalsProjection(TimeSpan delayPerBatch) : IProjection
{
    public const string EventType = "test.counter-incremented.v1";

    public string Name => "crash-totals";
    public int Version => 1;
    public IReadOnlyCollection<string> EventTypes => [EventType];
    public IReadOnlyCollection<string> Tables => ["crash_totals"];

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.CreateCommand(
            $"create table if not exists {context.Table("crash_totals")} (tenant_id uuid, stream_id text, events bigint not null, " +
            "total bigint not null, last_version bigint not null, primary key (tenant_id, stream_id))");
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var table = context.Table("crash_totals");
        await using var batch = context.CreateBatch();
        foreach (var e in events)
        {
            var command = new NpgsqlBatchCommand(
                $"insert into {table} as t values ($1, $2, 1, $3, $4) on conflict (tenant_id, stream_id) do update " +
                "set events = t.events + 1, total = t.total + excluded.total, last_version = excluded.last_version " +
                "where t.last_version = excluded.last_version - 1");
            command.Parameters.Add(new() { Value = e.TenantId });
            command.Parameters.Add(new() { Value = e.StreamId });
            command.Parameters.Add(new() { Value = JsonDocument.Parse(e.Json).RootElement.GetProperty("by").GetInt64() });
            command.Parameters.Add(new() { Value = e.Version });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < events.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
                throw new InvalidOperationException($"{events[i].StreamId} v{events[i].Version} does not follow the stored version");
        }
        if (delayPerBatch > TimeSpan.Zero) await Task.Delay(delayPerBatch, ct);
    }
}
