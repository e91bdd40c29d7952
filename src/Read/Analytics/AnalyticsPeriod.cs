using System.Data;
using Dapper;

namespace Platform.Read.Analytics;

/// <summary>
/// A period of the tenant's days, both ends included: a missing end is today in the tenant's time zone,
/// a missing start the day that makes the period <see cref="DefaultDays"/> long; at most <see cref="MaxDays"/>.
/// </summary>
public static class AnalyticsPeriod
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3 * 366;

    public static async Task<(DateOnly From, DateOnly To)> ResolveAsync(
        IDbConnection connection, IDbTransaction tx, Guid tenantId, DateOnly? from, DateOnly? to, DateTimeOffset now, CancellationToken ct)
    {
        var today = await TodayAsync(connection, tx, tenantId, now, ct);
        var end = to ?? today;
        var start = from ?? end.AddDays(1 - DefaultDays);
        if (start > end) throw new AnalyticsPeriodException("from", "El inicio del periodo debe ser anterior o igual a su fin.");
        if (end.DayNumber - start.DayNumber + 1 > MaxDays) throw new AnalyticsPeriodException("to", "El periodo puede abarcar a lo sumo tres años.");
        return (start, end);
    }

    /// <summary>Today in the tenant's time zone (UTC's today when the tenant has none).</summary>
    public static async Task<DateOnly> TodayAsync(IDbConnection connection, IDbTransaction tx, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var today = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select (@now at time zone time_zone)::date from tenants where tenant_id = @tenant",
            new { tenant = tenantId, now }, tx, cancellationToken: ct));
        return DateOnly.FromDateTime(today ?? now.UtcDateTime);
    }
}

/// <summary>A period or filter of an analytics query cannot be read; <paramref name="Field"/> names the query parameter at fault.</summary>
public sealed class AnalyticsPeriodException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
