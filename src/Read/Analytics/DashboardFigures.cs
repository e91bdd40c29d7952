using static Platform.Read.Analytics.SalesMetrics;

namespace Platform.Read.Analytics;

/// <summary>The dashboard from the summed counters of a period.</summary>
internal static class DashboardFigures
{
    public static SalesDashboard From(DateOnly from, DateOnly to, List<DailyRow> rows, List<FunnelStage> funnel, List<ResponseRow> responses, List<DayCount> days)
    {
        long Count(string metric) => rows.Where(r => r.Metric == metric).Sum(r => r.Count);
        var (leads, converted, won, lost) = (Count(LeadCreated), Count(LeadConverted), Count(OpportunityWon), Count(OpportunityLost));
        var overall = responses.SingleOrDefault(r => r.UserId is null);
        return new SalesDashboard(
            from, to,
            [.. rows.Where(r => r.Metric == LeadCreated).OrderByDescending(r => r.Count).ThenBy(r => r.Dimension, StringComparer.Ordinal).Select(r => new SourceCount(r.Dimension, r.Count))],
            leads, converted, Rates.Of(converted, leads), Count(OpportunityOpened), won, lost, Rates.Of(won, won + lost),
            [.. rows.Where(r => r.Metric == OpportunityWon).OrderBy(r => r.Dimension, StringComparer.Ordinal).Select(r => new CurrencyAmount(r.Dimension, r.Amount))],
            [.. rows.Where(r => r.Metric == OpportunityLost).OrderByDescending(r => r.Count).ThenBy(r => r.Dimension, StringComparer.Ordinal).Select(r => new ReasonCount(r.Dimension, r.Count))],
            funnel,
            new ResponseTimes(overall?.Contacted ?? 0, overall?.P50Seconds, overall?.P90Seconds,
                [.. responses.Where(r => r.UserId is not null).OrderBy(r => r.UserId).Select(r => new SalespersonResponse(r.UserId!.Value, r.Contacted, r.P50Seconds, r.P90Seconds))]),
            days);
    }
}
