using Platform.Write.Devices;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Projections.Alerts;

/// <summary>One batch of the alerts reactor: applies events to the loaded watches in order and remembers what to save.</summary>
internal sealed class ReactorBatch(Dictionary<(Guid, Guid), DeviceWatches> devices, AlertWriter writer)
{
    private readonly HashSet<(Guid Tenant, Guid Device, Guid Rule)> _changed = [];
    private readonly HashSet<(Guid Tenant, Guid Device, Guid Rule)> _deleted = [];

    public IReadOnlyCollection<(Guid Tenant, RuleWatch Watch)> Saved =>
        [.. _changed.Select(k => (k.Tenant, devices[(k.Tenant, k.Device)][k.Rule]))];

    public IReadOnlyCollection<(Guid Tenant, Guid Device, Guid Rule)> Deleted => _deleted;

    public async Task ApplyAsync(RecordedEvent e, DeviceWatches watches, bool notify, CancellationToken ct)
    {
        switch (e.Data)
        {
            case RuleAdded a when !watches.ContainsKey(a.RuleId):
                Put(watches, RuleWatch.Start(a.DeviceId, a.RuleId, a.Rule, e.RecordedAt));
                break;
            case RuleChanged c:
                var heard = watches.TryGetValue(c.RuleId, out var old) ? old.LastHeardAt : e.RecordedAt;
                if (old is not null) await CloseAsync(watches.TenantId, old, AlertClearReason.RuleChanged, e, notify, ct);
                Put(watches, RuleWatch.Start(c.DeviceId, c.RuleId, c.Rule, heard));
                break;
            case RuleRemoved r when watches.TryGetValue(r.RuleId, out var removed):
                await CloseAsync(watches.TenantId, removed, AlertClearReason.RuleRemoved, e, notify, ct);
                Delete(watches, r.RuleId);
                break;
            case DeviceRevoked:
                foreach (var watch in watches.Values.ToList())
                {
                    await CloseAsync(watches.TenantId, watch, AlertClearReason.DeviceRevoked, e, notify, ct);
                    Delete(watches, watch.RuleId);
                }
                break;
            case ReadingRecorded reading:
                foreach (var watch in watches.Values.ToList())
                {
                    var (next, command) = RuleMonitor.Observe(watch, reading.MeasuredAt, e.RecordedAt, reading.Values, Guid.CreateVersion7);
                    if (ReferenceEquals(next, watch)) continue;
                    if (command is not null) await writer.ApplyAsync(watches.TenantId, watch, command, e, notify, ct);
                    Put(watches, next);
                }
                break;
        }
    }

    private async Task CloseAsync(Guid tenant, RuleWatch watch, AlertClearReason reason, RecordedEvent cause, bool notify, CancellationToken ct)
    {
        if (RuleMonitor.Close(watch, reason, cause.RecordedAt) is { } clear) await writer.ApplyAsync(tenant, watch, clear, cause, notify, ct);
    }

    private void Put(DeviceWatches watches, RuleWatch watch)
    {
        watches[watch.RuleId] = watch;
        _deleted.Remove((watches.TenantId, watches.DeviceId, watch.RuleId));
        _changed.Add((watches.TenantId, watches.DeviceId, watch.RuleId));
    }

    private void Delete(DeviceWatches watches, Guid ruleId)
    {
        watches.Remove(ruleId);
        _changed.Remove((watches.TenantId, watches.DeviceId, ruleId));
        _deleted.Add((watches.TenantId, watches.DeviceId, ruleId));
    }
}
