using Platform.Projections.Daemon;
using Platform.Read.Devices;
using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Projections.Devices;

/// <summary>
/// Devices' readings as the tenant reads them: the latest value of each sensor, and per-minute and
/// per-hour rollups (min, max, sum, count) bucketed on the measurement time in UTC. Readings come by
/// the thousand per second, so a batch is merged in memory and written with one upsert per table.
/// </summary>
public sealed class DeviceTelemetryProjection : IProjection
{
    public const string ProjectionName = "device-telemetry";

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [Readings.EventName];

    public IReadOnlyCollection<string> Tables => TelemetryTables.All;

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TelemetryTables.CreateAsync(context, ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var batch = new TelemetryBatch();
        foreach (var e in events)
            if (e.Data is ReadingRecorded reading) batch.Add(e.TenantId, reading, e.Position);
        if (batch.IsEmpty) return;
        await using var write = context.CreateBatch();
        write.BatchCommands.Add(TelemetryRows.UpsertLatest(context, batch.Latest));
        write.BatchCommands.Add(TelemetryRows.UpsertRollups(context, DeviceTelemetryViews.Minutes, batch.Minutes));
        write.BatchCommands.Add(TelemetryRows.UpsertRollups(context, DeviceTelemetryViews.Hours, batch.Hours));
        await write.ExecuteNonQueryAsync(ct);
    }
}
