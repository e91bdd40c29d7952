using Platform.Api.Panel.Charts;
using Platform.Api.Public;
using Platform.Read.Analytics;

namespace Platform.Api.Panel;

/// <summary>"Tiempos de respuesta": per salesperson, the median (p50) and p90 time from a lead's arrival to its first contact.</summary>
internal static class ResponseSection
{
    public static Markup Render(SalesDashboard dashboard, IReadOnlyList<TeamMember> team)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(team);
        var names = team.ToDictionary(m => m.UserId);
        var people = dashboard.ResponseTime.PerSalesperson;
        string Name(Guid user) => names.TryGetValue(user, out var m) ? m.DisplayName : "Usuario eliminado";
        string Email(Guid user) => names.TryGetValue(user, out var m) ? m.Email : "";
        var categories = people.Select(p => new ChartKey(p.UserId.ToString("D"), Name(p.UserId))).ToList();
        BarSeries Series(string key, string name, Func<SalespersonResponse, double?> seconds) => new(key, name,
            [.. people.Select(p => seconds(p) is { } s ? Datum.Of(s, PanelFormat.Duration(s)) : (Datum?)null)]);
        var chart = people.Count == 0 ? (Markup?)null : BarChart.Render("svg-response", "Tiempo hasta el primer contacto por vendedor",
            $"Mediana (p50) y percentil 90 del tiempo hasta el primer contacto de {people.Count} vendedores; en conjunto, " +
            $"p50 {PanelFormat.Duration(dashboard.ResponseTime.P50Seconds)} y p90 {PanelFormat.Duration(dashboard.ResponseTime.P90Seconds)}.",
            categories, [Series("p50", "p50", p => p.P50Seconds), Series("p90", "p90", p => p.P90Seconds)], PanelFormat.CompactDuration, Svg.NiceDuration);
        var table = new ChartTable("Tiempo hasta el primer contacto por vendedor", ["Vendedor", "Correo", "Leads contactados", "p50", "p90"],
            [.. people.Select(p => (IReadOnlyList<string>)[Name(p.UserId), Email(p.UserId), PanelFormat.Count(p.Contacted),
                PanelFormat.Duration(p.P50Seconds), PanelFormat.Duration(p.P90Seconds)])]);
        return ChartSection.Render("chart-response", "Tiempos de respuesta", [("p50 (mediana)", 0), ("p90", 1)], chart, table,
            "Nadie contactó leads de este periodo todavía.");
    }
}
