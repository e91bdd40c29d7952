using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>Everything the analytics page shows: the period as asked and resolved, the figures, the forecast, the team's names.</summary>
internal sealed record DashboardView(PeriodInput Period, SalesDashboard Dashboard, SalesForecast Forecast, IReadOnlyList<TeamMember> Team);

/// <summary>/panel/analitica: the period form, the headline tiles and the four charts, server-drawn, readable without a script.</summary>
internal static class DashboardPage
{
    public static Markup Render(DashboardView view, string antiforgery)
    {
        ArgumentNullException.ThrowIfNull(view);
        var dashboard = view.Dashboard;
        var body = Html.Of($"""
            <h1>Analítica de ventas</h1>
            <p class="count">Del {PanelFormat.Day(dashboard.From)} al {PanelFormat.Day(dashboard.To)}.</p>
            {PeriodForm.Render(view.Period)}
            {KpiTiles.Render(dashboard)}
            <div class="charts">
            {FunnelSection.Render(dashboard)}
            {LeadsSection.Render(dashboard)}
            {ForecastSection.Render(view.Forecast)}
            {ResponseSection.Render(dashboard, view.Team)}
            </div>
            """);
        return PanelLayout.Render($"Analítica de ventas · {PanelFormat.Day(dashboard.From)} – {PanelFormat.Day(dashboard.To)}", body, antiforgery);
    }

    /// <summary>The form again, with what is wrong with the period; no figures are computed for a period that cannot be read.</summary>
    public static Markup Invalid(PeriodInput period, string antiforgery) => PanelLayout.Render("Periodo no válido", Html.Of($"""
        <h1>Analítica de ventas</h1>
        {PeriodForm.Render(period)}
        """), antiforgery);
}
