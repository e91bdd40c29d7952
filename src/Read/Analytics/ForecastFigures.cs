namespace Platform.Read.Analytics;

/// <summary>
/// Every month of the range gets at least one row: a month without opportunities or wins shows zeros in its target's
/// currency (or the tenant's). A target stands beside the figures of its own currency.
/// </summary>
internal static class ForecastFigures
{
    public static SalesForecast From(DateOnly first, DateOnly last, List<ForecastRow> rows, List<MonthlyTarget> targets, string tenantCurrency)
    {
        var months = new List<ForecastMonth>();
        foreach (var month in ForecastMonths.Each(first, last))
        {
            var target = targets.FirstOrDefault(t => t.Month == month);
            var figures = rows.Where(r => r.Month == month).ToList();
            if (target is not null && figures.All(r => r.Currency != target.Currency)) figures.Add(Empty(month, target.Currency));
            if (figures.Count == 0) figures.Add(Empty(month, tenantCurrency));
            months.AddRange(figures.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(r => new ForecastMonth(
                r.Month, r.Currency, r.Open, r.Pipeline, r.Weighted, r.Won, target?.Currency == r.Currency ? target.Amount : null)));
        }
        return new SalesForecast(ForecastMonths.Name(first), ForecastMonths.Name(last), months);
    }

    private static ForecastRow Empty(string month, string currency) => new(month, currency, 0, 0, 0, 0);
}
