namespace Platform.Write.Devices.Alerts;

/// <summary>A rule every device of a profile starts with; <see cref="Key"/> stays on the rule (RuleAdded.Template).</summary>
public sealed record RuleTemplate(string Key, RuleDefinition Rule);

/// <summary>
/// The rules a device gets when it is registered, by profile: the butcher's fridge above 5 °C for
/// 10 minutes is MAJOR (above 8 °C, CRITICAL). Only templates whose sensor the device has apply.
/// </summary>
public static class RuleTemplates
{
    private static readonly RuleTemplate FridgeWarm = new("fridge-warm", new(
        "Temperatura alta", RuleKind.Threshold, "temperature", [new(AlertSeverity.Major, Above: 5m), new(AlertSeverity.Critical, Above: 8m)], 600));

    private static readonly RuleTemplate FridgeFreezing = new("fridge-freezing", new(
        "Temperatura bajo cero", RuleKind.Threshold, "temperature", [new(AlertSeverity.Warning, Below: -1m)], 1800));

    private static readonly RuleTemplate DoorOpen = new("door-open", new(
        "Puerta abierta", RuleKind.Threshold, "door", [new(AlertSeverity.Warning, Above: 0.5m)], 300));

    private static readonly RuleTemplate Humid = new("humidity-high", new(
        "Humedad alta", RuleKind.Threshold, "humidity", [new(AlertSeverity.Warning, Above: 75m), new(AlertSeverity.Minor, Above: 85m)], 1800));

    private static readonly RuleTemplate Dry = new("soil-dry", new(
        "Suelo seco", RuleKind.Threshold, "moisture", [new(AlertSeverity.Warning, Below: 25m), new(AlertSeverity.Major, Below: 15m)], 1800));

    private static readonly RuleTemplate Overload = new("power-overload", new(
        "Consumo alto", RuleKind.Threshold, "power", [new(AlertSeverity.Minor, Above: 5000m), new(AlertSeverity.Major, Above: 7000m)], 300));

    private static readonly RuleTemplate Surge = new("power-surge", new(
        "Subida brusca de consumo", RuleKind.RateOfChange, "power", [new(AlertSeverity.Warning, Above: 2000m)]));

    private static RuleTemplate Silent(int minutes, AlertSeverity severity) =>
        new("no-data", new("Sin datos", RuleKind.NoData, null, [new(severity)], NoDataMinutes: minutes));

    public static IReadOnlyList<RuleTemplate> For(DeviceProfile profile, IReadOnlyList<DeviceSensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        RuleTemplate[] templates = profile switch
        {
            DeviceProfile.FridgeTemperature => [FridgeWarm, FridgeFreezing, DoorOpen with { Rule = DoorOpen.Rule with { HoldSeconds = 120 } }, Silent(15, AlertSeverity.Major)],
            DeviceProfile.Humidity => [Humid, Silent(30, AlertSeverity.Warning)],
            DeviceProfile.SoilMoisture => [Dry, Silent(60, AlertSeverity.Warning)],
            DeviceProfile.Door => [DoorOpen, Silent(60, AlertSeverity.Warning)],
            DeviceProfile.PowerMeter => [Overload, Surge, Silent(10, AlertSeverity.Major)],
            DeviceProfile.RfidReader => [Silent(24 * 60, AlertSeverity.Warning)],
            _ => [],
        };
        var names = sensors.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return [.. templates.Where(t => t.Rule.Sensor is null || names.Contains(t.Rule.Sensor))];
    }
}
