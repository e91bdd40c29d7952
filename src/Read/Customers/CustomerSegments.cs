namespace Platform.Read.Customers;

/// <summary>
/// Segments by recency and frequency of a customer's activity (interactions; a customer's creation
/// counts as recent): frequent = at least <see cref="FrequentTouches"/> in the last <see cref="FrequentDays"/>
/// days; inactive = nothing in the last <see cref="InactiveDays"/> days; occasional = everything else.
/// Computed at query time from two indexed columns of the customers row, so they are never stale.
/// </summary>
public static class CustomerSegments
{
    public const string Frequent = "frequent";
    public const string Occasional = "occasional";
    public const string Inactive = "inactive";
    public const int FrequentTouches = 3;
    public const int FrequentDays = 90;
    public const int InactiveDays = 180;

    public static IReadOnlyList<string> All { get; } = [Frequent, Occasional, Inactive];

    public static bool IsKnown(string? segment) => segment is Frequent or Occasional or Inactive;

    /// <summary>The segment of row <c>c</c> at <c>@now</c>.</summary>
    public static readonly string CaseSql = $"""
        case when c.third_activity_at >= @now - interval '{FrequentDays} days' then 'frequent'
             when coalesce(c.last_activity_at, c.created_at) < @now - interval '{InactiveDays} days' then 'inactive'
             else 'occasional' end
        """;

    /// <summary>Rows of <paramref name="segment"/> (none: every row), in a form the indexes answer.</summary>
    public static string FilterSql(string? segment) => segment switch
    {
        Frequent => $"c.third_activity_at >= @now - interval '{FrequentDays} days'",
        Inactive => $"coalesce(c.last_activity_at, c.created_at) < @now - interval '{InactiveDays} days'",
        Occasional => $"(c.third_activity_at is null or c.third_activity_at < @now - interval '{FrequentDays} days') and coalesce(c.last_activity_at, c.created_at) >= @now - interval '{InactiveDays} days'",
        _ => "true",
    };
}
