using Platform.Read.Devices;
using Platform.Write.Devices.Alerts;

namespace Platform.Api.Devices;

/// <summary>
/// A device's rule. threshold: levels with above, below or both (a band whose outside alerts), held
/// holdSeconds; rate-of-change: the same on the change per minute; no-data: one level, noDataMinutes.
/// </summary>
internal sealed record RuleBody(
    string? Name, RuleKind? Kind, string? Sensor, IReadOnlyList<RuleLevelInput>? Levels, int? HoldSeconds, int? NoDataMinutes);

internal sealed record AcknowledgeBody(string? Note);

internal sealed record RuleList(Guid DeviceId, IReadOnlyList<RuleView> Items);
