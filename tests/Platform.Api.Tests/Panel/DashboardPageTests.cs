using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Panel;

/// <summary>An owner signs in through the form in chromium and reads the dashboard; every chart's marks carry the API's figures.</summary>
public sealed class DashboardPageTests(PanelBrowserFixture browser) : IClassFixture<PanelBrowserFixture>
{
    [Fact]
    public async Task The_owner_signs_in_and_each_chart_shows_the_figures_the_api_answers()
    {
        var history = await PanelSalesScenario.CreateAsync(browser, browser.Clock);
        using var api = browser.Client.WithBearer(history.Owner);
        var dashboard = await PanelSalesScenario.DashboardAsync(api);
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        await PanelPages.SignInAsync(page, history.Owner);

        (await page.Locator("h1").TextContentAsync()).Should().Be("Analítica de ventas");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("es");
        (await page.Locator("[data-kpi=leads]").GetAttributeAsync("data-value")).Should().Be("8");
        (await page.Locator("[data-kpi=leads] .figure").TextContentAsync()).Should().Be("8");
        (await page.Locator("[data-kpi=win-rate] .figure").TextContentAsync()).Should().Be("50,0 %");
        (await page.Locator("[data-kpi=won-COP] .figure").TextContentAsync()).Should().Be("$18.500.000", "amounts use the Spanish thousands separator");
        var marks = await PanelPages.MarksAsync(page);

        var funnel = dashboard.GetProperty("funnel").EnumerateArray().ToList();
        funnel.Should().NotBeEmpty();
        foreach (var stage in funnel)
        {
            var id = stage.GetProperty("stageId").GetString();
            foreach (var series in new[] { "entered", "advanced", "lost" })
                PanelPages.Number(marks[$"svg-funnel|{series}|{id}"]).Should().Be(stage.GetProperty(series).GetInt64(), $"{series} of {stage.GetProperty("name")}");
        }
        (await page.Locator("#svg-funnel").TextContentAsync()).Should().Contain("Contactado");

        var days = dashboard.GetProperty("leadsOverTime").EnumerateArray().ToList();
        days.Should().NotBeEmpty();
        foreach (var day in days) PanelPages.Number(marks[$"svg-leads|leads|{day.GetProperty("day").GetString()}"]).Should().Be(day.GetProperty("leads").GetInt64());
        marks.Where(m => m.Key.StartsWith("svg-leads|", StringComparison.Ordinal)).Sum(m => PanelPages.Number(m.Value)).Should().Be(8);
        marks.Count(m => m.Key.StartsWith("svg-leads|", StringComparison.Ordinal)).Should().Be(30, "one point per day of the last 30 days");

        var to = DateOnly.ParseExact(dashboard.GetProperty("to").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastMonth = new DateOnly(to.Year, to.Month, 1).AddMonths(3).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var forecast = await LeadRequests.GetJsonAsync(api, $"/api/analytics/forecast?from={dashboard.GetProperty("from").GetString()![..7]}&to={lastMonth}");
        var months = forecast.GetProperty("months").EnumerateArray().Where(m => m.GetProperty("currency").GetString() == "COP").ToList();
        months.Should().Contain(m => m.GetProperty("month").GetString() == history.NextMonth && m.GetProperty("weighted").GetDecimal() > 0);
        foreach (var month in months)
        {
            var key = month.GetProperty("month").GetString();
            PanelPages.Number(marks[$"svg-forecast-cop|weighted|{key}"]).Should().Be(month.GetProperty("weighted").GetDecimal());
            if (month.GetProperty("target").ValueKind == JsonValueKind.Number)
                PanelPages.Number(marks[$"svg-forecast-cop|target|{key}"]).Should().Be(month.GetProperty("target").GetDecimal());
            else marks.Should().NotContainKey($"svg-forecast-cop|target|{key}");
        }
        PanelPages.Number(marks[$"svg-forecast-cop|target|{history.NextMonth}"]).Should().Be(25_000_000m);

        var people = dashboard.GetProperty("responseTime").GetProperty("perSalesperson").EnumerateArray().ToList();
        foreach (var person in people)
        {
            var user = person.GetProperty("userId").GetString();
            PanelPages.Number(marks[$"svg-response|p50|{user}"]).Should().Be((decimal)person.GetProperty("p50Seconds").GetDouble());
            PanelPages.Number(marks[$"svg-response|p90|{user}"]).Should().Be((decimal)person.GetProperty("p90Seconds").GetDouble());
        }
        var ana = people.Single(p => p.GetProperty("userId").GetGuid() == history.Ana.UserId);
        ana.GetProperty("p50Seconds").GetDouble().Should().BeApproximately(360, 15, "Ana answered after 2, 6 and 10 minutes");
        (await page.Locator("#svg-response").TextContentAsync()).Should().Contain(PanelSalesScenario.AnaName).And.Contain(PanelSalesScenario.BetoName);
        (await page.Locator("#chart-response table").TextContentAsync()).Should().Contain(history.Ana.Email).And.Contain(history.Beto.Email);

        foreach (var chart in new[] { "svg-funnel", "svg-leads", "svg-forecast-cop", "svg-response" })
        {
            (await page.Locator($"#{chart} > title").TextContentAsync()).Should().NotBeNullOrWhiteSpace();
            (await page.Locator($"#{chart} > desc").TextContentAsync()).Should().NotBeNullOrWhiteSpace();
        }
        (await page.Locator("details.data").CountAsync()).Should().Be(4, "each chart has its data as a table");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_session_cookie_is_for_the_panel_only_and_signing_out_ends_the_session()
    {
        var owner = await TestAccounts.RegisterTenantAsync(browser.Client);
        var page = await browser.NewPageAsync();

        var first = await page.GotoAsync("/panel/analitica");
        page.Url.Should().EndWith("/panel/ingresar", "without a session the page sends people to sign in");
        first!.Status.Should().Be(200);
        (await page.Locator("h1").TextContentAsync()).Should().Be("Ingresa al panel");

        await PanelPages.SignInAsync(page, owner);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "panel_acceso");
        cookie.HttpOnly.Should().BeTrue();
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);
        cookie.Path.Should().Be("/panel");

        // The cookie sent by hand, as a copy of it would be: no cookie jar, no redirects followed.
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var withCookie = new HttpClient(handler) { BaseAddress = browser.Client.BaseAddress };
        withCookie.DefaultRequestHeaders.Add("Cookie", $"panel_acceso={cookie.Value}");
        using (var apiCall = await withCookie.GetAsync(new Uri("/api/analytics/dashboard", UriKind.Relative)))
            apiCall.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the API takes bearer tokens only");
        using (var pageCall = await withCookie.GetAsync(new Uri("/panel/analitica", UriKind.Relative)))
            pageCall.StatusCode.Should().Be(HttpStatusCode.OK, "the same cookie opens the panel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await page.WaitForURLAsync("**/panel/ingresar");
        using (var copied = await withCookie.GetAsync(new Uri("/panel/analitica", UriKind.Relative)))
        {
            copied.StatusCode.Should().Be(HttpStatusCode.SeeOther, "signing out revoked the session, not only this browser's cookie");
            copied.Headers.Location!.ToString().Should().Be("/panel/ingresar");
        }
        using var bearer = browser.Client.WithBearer(cookie.Value);
        using (var revoked = await bearer.GetAsync(new Uri("/api/analytics/dashboard", UriKind.Relative)))
            revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "panel_acceso");
    }

    [Fact]
    public async Task A_salesperson_signs_in_and_gets_the_spanish_403_page()
    {
        var owner = await TestAccounts.RegisterTenantAsync(browser.Client);
        var seller = await TestAccounts.AddSignedInUserAsync(browser.Client, browser.Database.DataSource, owner.TenantId, "sales");
        var page = await browser.NewPageAsync();

        await PanelPages.SignInAsync(page, seller);
        var again = await page.ReloadAsync();

        again!.Status.Should().Be(403);
        (await page.Locator("h1").TextContentAsync()).Should().Be("Acceso restringido");
        (await page.Locator("main").TextContentAsync()).Should().Contain("Tu rol no permite ver la analítica de ventas");
        (await page.Locator("svg").CountAsync()).Should().Be(0);
    }
}
