using System.Globalization;

namespace Platform.Write.Devices.Alerts;

/// <summary>Rules and alerts as people read them, in Spanish.</summary>
public static class RuleText
{
    // Decimal point, not comma: Latin America writes both (Mexico 6.5, Colombia 6,5), and hosts run
    // with invariant globalization.
    private static readonly CultureInfo Spanish = CultureInfo.InvariantCulture;

    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => "Aviso",
        AlertSeverity.Minor => "Menor",
        AlertSeverity.Major => "Mayor",
        _ => "Crítica",
    };

    /// <summary>The condition of the rule's level at <paramref name="severity"/>: "temperature por encima de 5 durante 10 min".</summary>
    public static string Condition(RuleDefinition rule, AlertSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Kind == RuleKind.NoData)
            return rule.Sensor is null ? $"sin datos durante {Minutes(rule.Silence)}" : $"sin datos de {rule.Sensor} durante {Minutes(rule.Silence)}";
        var level = rule.Levels.FirstOrDefault(l => l.Severity == severity) ?? rule.Levels[0];
        var unit = rule.Kind == RuleKind.RateOfChange ? " por minuto" : "";
        var what = rule.Kind == RuleKind.RateOfChange ? $"cambio de {rule.Sensor}" : rule.Sensor;
        var bound = (level.Above, level.Below) switch
        {
            ({ } above, { } below) => $"fuera de {Number(below)} a {Number(above)}{unit}",
            ({ } above, null) => $"por encima de {Number(above)}{unit}",
            (null, { } below) => $"por debajo de {Number(below)}{unit}",
            _ => "",
        };
        return rule.HoldSeconds > 0 ? $"{what} {bound} durante {Duration(rule.Hold)}" : $"{what} {bound}";
    }

    public static string Number(decimal value) => value.ToString("0.###", Spanish);

    private static string Duration(TimeSpan span) =>
        span.TotalSeconds % 60 == 0 ? Minutes(span) : $"{span.TotalSeconds.ToString("0", Spanish)} s";

    private static string Minutes(TimeSpan span) => $"{span.TotalMinutes.ToString("0", Spanish)} min";
}
