using Platform.Api.Panel.Charts;
using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>"Pronóstico contra meta": per month and currency, open opportunities weighted by their stage's probability, the target and what was won.</summary>
internal static class ForecastSection
{
    public static Markup Render(SalesForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var currencies = forecast.Months.Select(m => m.Currency).Distinct().Order(StringComparer.Ordinal).ToList();
        if (currencies.Count == 0) currencies.Add("");
        return Html.Join(currencies.Select(c => Currency(forecast, c, currencies.Count > 1)));
    }

    private static Markup Currency(SalesForecast forecast, string currency, bool several)
    {
        var months = forecast.Months.Where(m => m.Currency == currency).ToList();
        var categories = months.Select(m => new ChartKey(m.Month, PanelFormat.Month(m.Month))).ToList();
        BarSeries Series(string key, string name, Func<ForecastMonth, decimal?> amount) => new(key, name,
            [.. months.Select(m => amount(m) is { } a ? Datum.Of(a, PanelFormat.Money(a, currency)) : (Datum?)null)]);
        var empty = months.All(m => m.Open == 0 && m.Won == 0 && m.Target is null);
        var id = currency.Length == 0 ? "forecast" : $"forecast-{currency.ToLowerInvariant()}";
        var chart = empty ? (Markup?)null : BarChart.Render($"svg-{id}", $"Pronóstico ponderado contra meta mensual ({currency})",
            $"De {PanelFormat.Month(forecast.From)} a {PanelFormat.Month(forecast.To)}: por mes, el valor de las oportunidades abiertas ponderado por la " +
            $"probabilidad de su etapa, la meta del mes y lo ganado. Ponderado total {PanelFormat.Money(months.Sum(m => m.Weighted), currency)}.",
            categories, [Series("weighted", "Ponderado", m => m.Weighted), Series("target", "Meta", m => m.Target), Series("won", "Ganado", m => m.Won)],
            PanelFormat.Compact);
        var table = new ChartTable($"Pronóstico por mes ({currency})", ["Mes", "Abiertas", "En juego", "Ponderado", "Meta", "Ganado"],
            [.. months.Select(m => (IReadOnlyList<string>)[PanelFormat.Month(m.Month), PanelFormat.Count(m.Open), PanelFormat.Money(m.Pipeline, currency),
                PanelFormat.Money(m.Weighted, currency), m.Target is { } t ? PanelFormat.Money(t, currency) : PanelFormat.Missing, PanelFormat.Money(m.Won, currency)])]);
        return ChartSection.Render($"chart-{id}", several ? $"Pronóstico contra meta ({currency})" : "Pronóstico contra meta",
            [("Ponderado", 0), ("Meta", 1), ("Ganado", 2)], chart, table,
            "No hay oportunidades abiertas, ventas ni metas en estos meses.");
    }
}
