using Platform.Api.Panel.Charts;
using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>"Embudo": per stage, the opportunities that entered it in the period, moved on from it and were lost from it.</summary>
internal static class FunnelSection
{
    public static Markup Render(SalesDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var steps = dashboard.Funnel.Select(s => new FunnelStep(
            new ChartKey(s.StageId.ToString("D"), s.Name ?? "Etapa eliminada"), Datum.Of(s.Entered), Datum.Of(s.Advanced), Datum.Of(s.Lost))).ToList();
        var total = dashboard.Funnel.Sum(s => s.Entered);
        var chart = steps.Count == 0 ? (Markup?)null : FunnelChart.Render("svg-funnel", "Embudo de ventas por etapa",
            $"{steps.Count} etapas; {PanelFormat.Count(total)} entradas a etapas entre el {PanelFormat.Day(dashboard.From)} y el {PanelFormat.Day(dashboard.To)}. " +
            "Por etapa: oportunidades que entraron, que avanzaron y que se perdieron.", steps);
        var table = new ChartTable("Embudo por etapa", ["Etapa", "Entraron", "Avanzaron", "Perdidas", "Avance"],
            [.. dashboard.Funnel.Select(s => (IReadOnlyList<string>)[s.Name ?? "Etapa eliminada", PanelFormat.Count(s.Entered),
                PanelFormat.Count(s.Advanced), PanelFormat.Count(s.Lost), PanelFormat.Percent(s.Entered == 0 ? null : (double)s.Advanced / s.Entered)])]);
        return ChartSection.Render("chart-funnel", "Embudo", [.. FunnelChart.Series.Select((s, i) => (s.Name, i == 0 ? 0 : i == 1 ? 2 : 3))], chart, table,
            "Ninguna oportunidad pasó por el embudo en este periodo.");
    }
}
