using System.Text.Json.Serialization;

namespace Platform.Write.Devices.Alerts;

/// <summary>Ordered: a higher severity escalates, a lower one de-escalates.</summary>
public enum AlertSeverity { Warning, Minor, Major, Critical }

public enum RuleKind
{
    /// <summary>The sensor's value above, below or outside a band.</summary>
    Threshold,

    /// <summary>The sensor's change per minute between consecutive readings above or below a limit.</summary>
    RateOfChange,

    /// <summary>Nothing heard (from the sensor, or from the device when no sensor is named) for some minutes.</summary>
    NoData,
}

/// <summary>
/// One severity of a rule and its condition: the value (or its rate) above <see cref="Above"/> or
/// below <see cref="Below"/>; both make a band whose outside breaches. A no-data level has neither.
/// </summary>
public sealed record RuleLevel(AlertSeverity Severity, decimal? Above = null, decimal? Below = null)
{
    public bool IsBreachedBy(decimal value) => (Above is { } above && value > above) || (Below is { } below && value < below);
}

/// <summary>
/// What a rule watches and when it alerts. Levels escalate: the alert takes the highest severity whose
/// condition has held for <see cref="HoldSeconds"/> (measured time). A no-data rule has one level and
/// <see cref="NoDataMinutes"/>.
/// </summary>
public sealed record RuleDefinition(
    string Name, RuleKind Kind, string? Sensor, IReadOnlyList<RuleLevel> Levels, int HoldSeconds = 0, int NoDataMinutes = 0)
{
    public const int MaxLevels = 4;

    [JsonIgnore]
    public TimeSpan Hold => TimeSpan.FromSeconds(HoldSeconds);

    [JsonIgnore]
    public TimeSpan Silence => TimeSpan.FromMinutes(NoDataMinutes);

    /// <summary>Equal in every part, levels included (a record compares lists by reference).</summary>
    public bool SameAs(RuleDefinition? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Sensor == other.Sensor && HoldSeconds == other.HoldSeconds
        && NoDataMinutes == other.NoDataMinutes && Levels.SequenceEqual(other.Levels);

    /// <summary>Whether a reading with these values concerns this rule.</summary>
    public bool Reads(IReadOnlyDictionary<string, decimal> values) => Sensor is null ? Kind == RuleKind.NoData : values.ContainsKey(Sensor);
}
