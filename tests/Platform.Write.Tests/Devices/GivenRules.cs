using Platform.Write.Devices.Alerts;

namespace Platform.Write.Tests.Devices;

internal static class GivenRules
{
    public static readonly Guid Device = Guid.CreateVersion7();
    public static readonly Guid RuleId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The butcher's fridge: above 5 °C for 10 minutes is MAJOR, above 8 °C for 10 minutes CRITICAL.</summary>
    public static RuleDefinition Fridge(int holdSeconds = 600) => new(
        "Temperatura alta", RuleKind.Threshold, "temperature", [new(AlertSeverity.Major, Above: 5m), new(AlertSeverity.Critical, Above: 8m)], holdSeconds);

    public static RuleDefinition Band() => new(
        "Fuera de rango", RuleKind.Threshold, "temperature", [new(AlertSeverity.Minor, Above: 8m, Below: 2m)]);

    public static RuleDefinition Rate() => new(
        "Subida brusca", RuleKind.RateOfChange, "power", [new(AlertSeverity.Warning, Above: 100m)]);

    public static RuleDefinition Silence(int minutes = 15) => new("Sin datos", RuleKind.NoData, null, [new(AlertSeverity.Major)], NoDataMinutes: minutes);

    public static RuleWatch Watch(RuleDefinition rule) => RuleWatch.Start(Device, RuleId, rule, Start);

    /// <summary>Feeds readings (minutes after <see cref="Start"/>, value) in order; answers the last watch and every command.</summary>
    public static (RuleWatch Watch, List<Alert.Command> Commands) Feed(RuleWatch watch, params (double Minutes, decimal Value)[] readings)
    {
        var commands = new List<Alert.Command>();
        foreach (var (minutes, value) in readings)
        {
            var at = Start.AddMinutes(minutes);
            var sensor = watch.Rule.Sensor ?? "temperature";
            (watch, var command) = RuleMonitor.Observe(watch, at, at, new Dictionary<string, decimal> { [sensor] = value }, Guid.CreateVersion7);
            if (command is not null) commands.Add(command);
        }
        return (watch, commands);
    }
}
