using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// One KPI endpoint and its oracle: the figures computed from scratch over the event table for a tenant and
/// a period of tenant days, and the same figures read off the endpoint's JSON answer (same keys).
/// </summary>
internal sealed record KpiCheck(
    string Path,
    Func<NpgsqlDataSource, Guid, DateOnly, DateOnly, Task<Dictionary<string, decimal>>> FromEventsAsync,
    Func<JsonElement, Dictionary<string, decimal>> Figures,
    bool Months = false)
{
    /// <summary>The path with the period appended (after the path's own query, if it has one).</summary>
    public string For(DateOnly from, DateOnly to) =>
        Months
            ? $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}from={from:yyyy-MM}&to={to:yyyy-MM}"
            : $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    /// <summary>Every KPI the generated-history test compares with its oracle: one line per endpoint.</summary>
    public static IReadOnlyList<KpiCheck> All { get; } =
    [
        new("/api/analytics/dashboard", (db, t, f, u) => DashboardOracle.FromEventsAsync(db, t, f, u), DashboardOracle.Figures),
        new("/api/analytics/pipeline/performance", (db, t, f, u) => PerformanceOracle.FromEventsAsync(db, t, f, u), PerformanceOracle.Figures),
        new("/api/analytics/opportunities/conversion", (db, t, f, u) => ConversionOracle.FromEventsAsync(db, t, f, u), ConversionOracle.Figures),
        new("/api/analytics/forecast", (db, t, f, u) => ForecastOracle.FromEventsAsync(db, t, f, u), ForecastOracle.Figures, Months: true),
        new("/api/analytics/customers/segments", CustomerSegmentsOracle.FromEventsAsync, CustomerSegmentsOracle.Figures),
        new("/api/analytics/catalog", CatalogFiguresOracle.FromEventsAsync, CatalogFiguresOracle.Figures),
        new("/api/analytics/devices", DeviceFiguresOracle.FromEventsAsync, DeviceFiguresOracle.Figures),
    ];
}
