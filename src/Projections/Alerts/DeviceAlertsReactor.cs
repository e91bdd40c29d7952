using Microsoft.Extensions.DependencyInjection;
using Platform.Projections.Daemon;
using Platform.Write.Devices;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Projections.Alerts;

/// <summary>
/// Runs every device's rules over its readings, in event-store order, and raises, escalates,
/// de-escalates and clears their alerts. A reactor under the projection daemon: its rule state and
/// the alert events it appends commit in the transaction that moves its checkpoint, so each reading
/// takes effect exactly once, and a restart goes on where the last commit left it. Its state lives
/// in tables of its own (alert_rule_watches), not generations: do not bump its version to rebuild,
/// which would raise every past alert again.
/// </summary>
public sealed class DeviceAlertsReactor(IServiceProvider services, TimeProvider time) : IProjection
{
    public const string ProjectionName = "device-alerts";

    /// <summary>Readings recorded longer ago than this (a reactor catching up) raise alerts without notices.</summary>
    public static readonly TimeSpan NoticeWindow = TimeSpan.FromHours(1);

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } =
        [Readings.EventName, RuleEvents.AddedName, RuleEvents.ChangedName, RuleEvents.RemovedName, DeviceEvents.RevokedName];

    /// <summary>Its tables come with the device-alerts schema.</summary>
    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var keys = events.Select(e => (e.TenantId, DeviceOf(e.Data))).Where(k => k.Item2 != Guid.Empty).ToList();
        var devices = await WatchRows.LoadAsync(context.Connection, context.Transaction, keys, ct);
        var now = time.GetUtcNow();
        var batch = new ReactorBatch(devices, new AlertWriter(services.GetRequiredService<ReactorAppend>(), context.Connection, context.Transaction, now));
        foreach (var e in events)
        {
            var device = DeviceOf(e.Data);
            if (device == Guid.Empty) continue;
            await batch.ApplyAsync(e, devices[(e.TenantId, device)], e.RecordedAt >= now - NoticeWindow, ct);
        }
        await WatchRows.SaveAsync(context.Connection, context.Transaction, batch.Saved, batch.Deleted, now, ct);
    }

    private static Guid DeviceOf(object? data) => data switch
    {
        ReadingRecorded r => Guid.TryParse(r.DeviceId, out var id) ? id : Guid.Empty,
        RuleAdded a => a.DeviceId,
        RuleChanged c => c.DeviceId,
        RuleRemoved r => r.DeviceId,
        DeviceRevoked r => r.DeviceId,
        _ => Guid.Empty,
    };
}
