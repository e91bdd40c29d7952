using System.Globalization;

namespace Platform.Api.Operators;

/// <summary>The overview's period: calendar months written YYYY-MM, both ends included, at most three years.</summary>
internal static class PlatformMonths
{
    public const int MaxMonths = 36;
    public const int DefaultMonths = 12;

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (text is null || text.Length != 7
            || !DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year is < 2000 or > 2100) return false;
        month = parsed;
        return true;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static int Span(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    /// <summary>The period asked for: a missing end is this month (UTC), a missing start the twelve months up to the end.</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateTimeOffset now)
    {
        var end = TryParse(to, out var t) ? t : new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        var start = TryParse(from, out var f) ? f : end.AddMonths(1 - DefaultMonths);
        return (start, end);
    }

    public static IEnumerable<DateOnly> Each(DateOnly from, DateOnly to)
    {
        for (var month = from; month <= to; month = month.AddMonths(1)) yield return month;
    }
}
