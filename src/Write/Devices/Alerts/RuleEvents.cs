using Platform.Write.EventStore;

namespace Platform.Write.Devices.Alerts;

/// <summary>A rule joined a device; <paramref name="Template"/> names the profile template it came from, if any.</summary>
public sealed record RuleAdded(Guid DeviceId, Guid RuleId, RuleDefinition Rule, string? Template);

/// <summary>The rule's new definition; its open alert, if any, is closed and evaluation starts over.</summary>
public sealed record RuleChanged(Guid DeviceId, Guid RuleId, RuleDefinition Rule);

public sealed record RuleRemoved(Guid DeviceId, Guid RuleId);

public static class RuleEvents
{
    public const string AddedName = "devices.rule-added.v1";
    public const string ChangedName = "devices.rule-changed.v1";
    public const string RemovedName = "devices.rule-removed.v1";

    /// <summary>One stream per rule: its version is the ETag a change takes as If-Match.</summary>
    public static string Stream(Guid ruleId) => $"device-rule-{ruleId:D}";

    public static EventTypeRegistry RegisterDeviceRules(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register<RuleAdded>(AddedName).Register<RuleChanged>(ChangedName).Register<RuleRemoved>(RemovedName);
    }
}
