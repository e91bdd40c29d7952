using System.Globalization;

namespace Platform.Read.Analytics;

/// <summary>
/// The forecast's months (YYYY-MM), both ends included: a missing start is the current month in the tenant's
/// time zone (or five months before a given end), a missing end five months after the start; at most <see cref="MaxMonths"/>.
/// </summary>
public static class ForecastMonths
{
    public const int DefaultMonths = 6;
    public const int MaxMonths = 36;

    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateOnly today)
    {
        var (start, end) = (Parse("from", from), Parse("to", to));
        var first = start ?? end?.AddMonths(1 - DefaultMonths) ?? new DateOnly(today.Year, today.Month, 1);
        var last = end ?? first.AddMonths(DefaultMonths - 1);
        if (first > last) throw new AnalyticsPeriodException("from", "El mes inicial debe ser anterior o igual al mes final.");
        if (Count(first, last) > MaxMonths) throw new AnalyticsPeriodException("to", "El pronóstico puede abarcar a lo sumo 36 meses.");
        return (first, last);
    }

    /// <summary>The first day of the month <paramref name="month"/> names (YYYY-MM, years 2000..9000); null when absent.</summary>
    public static DateOnly? Parse(string field, string? month)
    {
        if (month is null) return null;
        if (!DateOnly.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 9000)
            throw new AnalyticsPeriodException(field, "Debe ser un mes con el formato AAAA-MM, por ejemplo 2026-03, entre 2000 y 9000.");
        return day;
    }

    public static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static int Count(DateOnly first, DateOnly last) => (last.Year - first.Year) * 12 + last.Month - first.Month + 1;

    public static IEnumerable<string> Each(DateOnly first, DateOnly last) =>
        Enumerable.Range(0, Count(first, last)).Select(i => Name(first.AddMonths(i)));
}
