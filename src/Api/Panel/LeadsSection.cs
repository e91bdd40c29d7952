using Platform.Api.Panel.Charts;
using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>"Leads en el tiempo": leads received on each day of the period, days without leads drawn as zero.</summary>
internal static class LeadsSection
{
    public static Markup Render(SalesDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var byDay = dashboard.LeadsOverTime.ToDictionary(d => d.Day, d => d.Leads);
        var days = Enumerable.Range(0, dashboard.To.DayNumber - dashboard.From.DayNumber + 1).Select(dashboard.From.AddDays).ToList();
        var points = days.Select(d => new LinePoint(new ChartKey(PeriodInput.Iso(d), PanelFormat.ShortDay(d)), Datum.Of(byDay.GetValueOrDefault(d)))).ToList();
        var busiest = dashboard.LeadsOverTime.OrderByDescending(d => d.Leads).FirstOrDefault();
        var chart = dashboard.Leads == 0 ? (Markup?)null : LineChart.Render("svg-leads", "Leads recibidos por día",
            $"{PanelFormat.Count(dashboard.Leads)} leads en {PanelFormat.Count(days.Count)} días, del {PanelFormat.Day(dashboard.From)} al {PanelFormat.Day(dashboard.To)}" +
            (busiest is null ? "." : $"; el día con más leads fue el {PanelFormat.Day(busiest.Day)}, con {PanelFormat.Count(busiest.Leads)}."),
            "leads", points, PanelFormat.Compact);
        var table = new ChartTable("Leads y ventas ganadas por día (solo días con actividad)", ["Día", "Leads", "Ganadas"],
            [.. dashboard.LeadsOverTime.Select(d => (IReadOnlyList<string>)[PanelFormat.Day(d.Day), PanelFormat.Count(d.Leads), PanelFormat.Count(d.Won)])]);
        return ChartSection.Render("chart-leads", "Leads en el tiempo", [("Leads", 0)], chart, table, "No llegaron leads en este periodo.");
    }
}
