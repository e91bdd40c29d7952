using System.Globalization;

namespace Platform.Api.Panel;

/// <summary>
/// Figures as a Spanish reader writes them ("12.480", "37,5 %", "2 h 05 min", "3 mar 2026"). The host runs with
/// invariant globalization, so the conventions are spelled out here; data-value attributes stay invariant for machines.
/// </summary>
internal static class PanelFormat
{
    private static readonly NumberFormatInfo Spanish = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    private static readonly string[] Months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];

    public const string Missing = "—";

    public static string Count(long value) => value.ToString("N0", Spanish);

    public static string Number(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", Spanish);

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("N1", Spanish) + " %" : Missing;

    public static string Money(decimal amount, string currency) => Public.PriceFormat.Format(amount, currency);

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s) return Missing;
        var span = TimeSpan.FromSeconds(Math.Round(s));
        if (s < 1) return "menos de 1 s";
        if (span.TotalMinutes < 1) return Count(span.Seconds) + " s";
        if (span.TotalHours < 1) return span.Seconds == 0 ? $"{span.Minutes} min" : $"{span.Minutes} min {span.Seconds:00} s";
        if (span.TotalDays < 1) return $"{span.Hours} h {span.Minutes:00} min";
        return $"{Count((long)span.TotalDays)} d {span.Hours} h";
    }

    public static string Day(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    public static string ShortDay(DateOnly day) => $"{day.Day} {Months[day.Month - 1]}";

    /// <summary>"2026-03" as "mar 2026"; anything else as written.</summary>
    public static string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? $"{Months[first.Month - 1]} {first.Year}"
            : month;

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Axis labels: "250 mil", "1,5 M" rather than every digit.</summary>
    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", Spanish) + " M",
        >= 10_000 => (value / 1_000).ToString("0.#", Spanish) + " mil",
        _ => value.ToString("0.#", Spanish),
    };

    /// <summary>Axis labels for durations: minutes under two hours, hours under two days, then days.</summary>
    public static string CompactDuration(double seconds) => seconds switch
    {
        < 10 => seconds.ToString("0.##", Spanish) + " s",
        < 120 => seconds.ToString("0", Spanish) + " s",
        < 7200 => (seconds / 60).ToString("0.#", Spanish) + " min",
        < 172_800 => (seconds / 3600).ToString("0.#", Spanish) + " h",
        _ => (seconds / 86_400).ToString("0.#", Spanish) + " d",
    };
}
