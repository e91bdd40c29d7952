using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices.Alerts;

/// <summary>A new device's rules from its profile's templates, appended and stored with its registration, in its transaction.</summary>
internal static class ProfileRules
{
    public static IReadOnlyList<RuleAdded> For(DeviceState device) =>
        [.. RuleTemplates.For(device.Profile, device.Sensors).Select(t => new RuleAdded(device.DeviceId, Guid.CreateVersion7(), t.Rule, t.Key))];

    public static IEnumerable<StreamAppend> Appends(Guid tenantId, IEnumerable<RuleAdded> rules, Func<object, NewEvent> toEvent) =>
        rules.Select(r => new StreamAppend(tenantId, RuleEvents.Stream(r.RuleId), ExpectedVersion.NoStream, [toEvent(r)]));

    public static async Task InsertAsync(TenantTransaction tx, IEnumerable<RuleAdded> rules, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var rule in rules) await RuleRows.InsertAsync(tx, rule, 1, now, ct);
    }
}
