using MediatR;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Panel;

/// <summary>GET /panel/analitica?desde=YYYY-MM-DD&amp;hasta=YYYY-MM-DD: the sales dashboard as a page, for owners, admins and analysts.</summary>
internal static class AnalyticsPageEndpoint
{
    /// <summary>The forecast shows the period's months and the three after it: what is expected to close next.</summary>
    public const int MonthsAhead = 3;

    public static RouteGroupBuilder MapAnalyticsPage(this RouteGroupBuilder panel)
    {
        panel.MapGet("/analitica", ShowAsync).AddEndpointFilter<PanelAccess>().WithName("PanelAnalyticsPage");
        return panel;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var period = PeriodForm.Read(http.Request.Query);
        if (!period.IsValid) return Invalid(http, period);
        SalesDashboard dashboard;
        try
        {
            dashboard = await mediator.Send(new GetSalesDashboard(context.Tenant, period.From, period.To), ct);
        }
        catch (AnalyticsPeriodException bad)
        {
            // The period's own rules (order, length) live in the query; the page names the form's field.
            return Invalid(http, period.WithError(PeriodForm.FieldOf(bad.Field), bad.Message));
        }
        var (first, last) = ForecastRange(dashboard.From, dashboard.To);
        var forecast = await mediator.Send(new GetSalesForecast(context.Tenant, first, last, null), ct);
        var team = await mediator.Send(new GetTeamMembers(context.Tenant, [.. dashboard.ResponseTime.PerSalesperson.Select(p => p.UserId)]), ct);
        var view = new DashboardView(period.Resolved(dashboard.From, dashboard.To), dashboard, forecast, team);
        return new PanelPage(DashboardPage.Render(view, PanelAntiforgery.Token(http)), StatusCodes.Status200OK);
    }

    /// <summary>From the period's first month to <see cref="MonthsAhead"/> months after its last, within the forecast's 36 months.</summary>
    public static (string First, string Last) ForecastRange(DateOnly from, DateOnly to)
    {
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(MonthsAhead);
        var first = new DateOnly(from.Year, from.Month, 1);
        if (first < last.AddMonths(-35)) first = last.AddMonths(-35);
        return (Month(first), Month(last));
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static PanelPage Invalid(HttpContext http, PeriodInput period) =>
        new(DashboardPage.Invalid(period, PanelAntiforgery.Token(http)), StatusCodes.Status400BadRequest);
}
