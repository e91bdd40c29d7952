using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>The period's headline figures, one tile each; data-kpi and data-value carry the exact figure.</summary>
internal static class KpiTiles
{
    public static Markup Render(SalesDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var response = dashboard.ResponseTime;
        var tiles = new List<Markup>
        {
            Tile("leads", "Leads", PanelFormat.Invariant(dashboard.Leads), PanelFormat.Count(dashboard.Leads),
                $"{PanelFormat.Count(dashboard.Converted)} convertidos en oportunidad"),
            Tile("conversion", "Conversión", Ratio(dashboard.ConversionRate), PanelFormat.Percent(dashboard.ConversionRate), "de lead a oportunidad"),
            Tile("win-rate", "Tasa de cierre", Ratio(dashboard.WinRate), PanelFormat.Percent(dashboard.WinRate),
                $"ganadas: {PanelFormat.Count(dashboard.Won)}; perdidas: {PanelFormat.Count(dashboard.Lost)}"),
        };
        tiles.AddRange(dashboard.WonAmount.Count == 0
            ? [Tile("won", "Ventas ganadas", "0", "Sin ventas", "en el periodo")]
            : dashboard.WonAmount.Select(w => Tile($"won-{w.Currency}", $"Ventas ganadas ({w.Currency})", PanelFormat.Invariant(w.Amount),
                PanelFormat.Money(w.Amount, w.Currency), "monto de las oportunidades ganadas")));
        tiles.Add(Tile("response-p50", "Tiempo de respuesta (p50)", Seconds(response.P50Seconds), PanelFormat.Duration(response.P50Seconds),
            $"{PanelFormat.Count(response.Contacted)} leads contactados"));
        tiles.Add(Tile("response-p90", "Tiempo de respuesta (p90)", Seconds(response.P90Seconds), PanelFormat.Duration(response.P90Seconds),
            "9 de cada 10 respondidos antes"));
        return Html.Of($"<ul class=\"kpis\" aria-label=\"Indicadores del periodo\">{tiles}</ul>");
    }

    private static string Ratio(double? ratio) => ratio is { } r ? PanelFormat.Invariant(r) : "";

    private static string Seconds(double? seconds) => seconds is { } s ? PanelFormat.Invariant(s) : "";

    private static Markup Tile(string kpi, string label, string value, string figure, string note) => Html.Of($"""
        <li data-kpi="{kpi}" data-value="{value}"><span class="label">{label}</span><span class="figure">{figure}</span><span class="note">{note}</span></li>
        """);
}
