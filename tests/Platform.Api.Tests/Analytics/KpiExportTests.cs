using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Analytics;

public sealed class KpiExportTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string Formula = "=HYPERLINK(\"http://malo.example\",\"ver\")";

    [Fact]
    public async Task The_dashboards_csv_has_every_figure_of_its_json_and_escapes_formulas()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using (var reasons = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/pipeline/lost-reasons", new { reasons = new[] { Formula, "Precio" } }))
            reasons.EnsureSuccessStatusCode();
        var pipelineId = (await SalesTeam.SeededPipelineAsync(client)).GetProperty("pipelineId").GetGuid();
        for (var i = 0; i < 4; i++)
        {
            var lead = await LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 444 {i:D4}"));
            using (var contact = await LeadRequests.PostAsync(client, $"/api/leads/{lead}/contact", new { channel = "call" })) contact.EnsureSuccessStatusCode();
            var customerId = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{lead}")).GetProperty("customerId").GetGuid();
            var opportunity = await SalesTeam.OpenAsync(client, pipelineId, customerId, 5_000_000m + i, new { leadId = lead });
            var (route, body) = i % 2 == 0 ? ("win", (object)new { amount = 1_000_000.5m * (i + 1) }) : ("lose", new { reason = Formula });
            using var closed = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/{route}", body);
            closed.EnsureSuccessStatusCode();
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var path = $"/api/analytics/dashboard?from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}";
        var json = await SalesTeam.EventuallyAsync(client, path, d => d.GetProperty("won").GetInt64() == 2 && d.GetProperty("lost").GetInt64() == 2
            && d.GetProperty("responseTime").GetProperty("contacted").GetInt64() == 4);

        using var response = await client.GetAsync(new Uri(path + "&format=csv", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().Be($"sales-dashboard_{today.AddDays(-2):yyyy-MM-dd}_{today.AddDays(2):yyyy-MM-dd}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the BOM to read UTF-8");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = CsvTable.Parse(text);
        rows[0].Should().Equal("section", "item", "field", "value");
        rows.Skip(1).Should().OnlyContain(r => r.Length == 4);
        var figures = rows.Skip(1).ToDictionary(r => (r[0], r[1], r[2]), r => r[3]);

        figures.Should().HaveCount(CsvTable.Scalars(json).Count, "one row per figure of the JSON, each (section, item, field) once");
        rows.Skip(1).Select(r => r[3].TrimStart('\'')).Should().BeEquivalentTo(CsvTable.Scalars(json), "the same figures, spelled the same");
        figures[("summary", "", "leads")].Should().Be(json.GetProperty("leads").GetRawText());
        figures[("summary", "", "responseTime.p50Seconds")].Should().Be(json.GetProperty("responseTime").GetProperty("p50Seconds").GetRawText());
        foreach (var s in json.GetProperty("leadsBySource").EnumerateArray())
            figures[("leadsBySource", s.GetProperty("source").GetString()!, "count")].Should().Be(s.GetProperty("count").GetRawText());
        foreach (var w in json.GetProperty("wonAmount").EnumerateArray())
            figures[("wonAmount", w.GetProperty("currency").GetString()!, "amount")].Should().Be(w.GetProperty("amount").GetRawText());
        foreach (var f in json.GetProperty("funnel").EnumerateArray())
            figures[("funnel", f.GetProperty("stageId").GetString()!, "entered")].Should().Be(f.GetProperty("entered").GetRawText());
        foreach (var p in json.GetProperty("responseTime").GetProperty("perSalesperson").EnumerateArray())
            figures[("responseTime.perSalesperson", p.GetProperty("userId").GetString()!, "p90Seconds")].Should().Be(p.GetProperty("p90Seconds").GetRawText());

        figures[("lostReasons", "'" + Formula, "count")].Should().Be("2", "a formula in a cell is neutralized with an apostrophe");
        figures[("lostReasons", "'" + Formula, "reason")].Should().Be("'" + Formula);
        text.Should().Contain("\"'=HYPERLINK(\"\"http://malo.example\"\",\"\"ver\"\")\"", "quotes inside a field are doubled and the field quoted");
        text.Should().NotContain("\n=", "no cell starts with a formula").And.NotContain(",=");
    }

    [Fact]
    public async Task Json_exports_are_the_same_json_as_a_download_and_accept_text_csv_gives_the_csv()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using (var target = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-02", new { amount = 7_500_000.25m, currency = "COP" }))
            target.EnsureSuccessStatusCode();
        const string path = "/api/analytics/forecast?from=2027-01&to=2027-03";
        var plain = await LeadRequests.GetJsonAsync(client, path);

        using var download = await client.GetAsync(new Uri(path + "&format=JSON", UriKind.Relative));
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("sales-forecast_2027-01_2027-03.json");
        JsonSerializer.Serialize(JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement).Should().Be(JsonSerializer.Serialize(plain));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await client.SendAsync(request);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = CsvTable.Parse(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync())[1..]);
        rows.Select(r => string.Join('|', r)).Should().Contain("months|2027-02/COP|target|7500000.25").And.Contain("summary||from|2027-01");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_format_parameter_and_the_csv_answer_of_analytics_reads()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/analytics/dashboard", "/api/analytics/forecast", "/api/analytics/targets" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain("format", path);
            get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _).Should().BeTrue(path);
        }
        paths.GetProperty("/api/analytics/targets/{month}").GetProperty("put").TryGetProperty("parameters", out var put).Should().BeTrue();
        put.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().NotContain("format", "only reads are exported");
    }

    [Theory]
    [InlineData("/api/analytics/dashboard?format=xml")]
    [InlineData("/api/analytics/forecast?format=")]
    [InlineData("/api/analytics/targets?format=pdf")]
    public async Task An_unknown_format_is_a_400_naming_format(string path)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("format", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Refusals_stay_problems_in_any_format()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var sales = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var client = api.Client.WithBearer(sales);
        using var response = await client.GetAsync(new Uri("/api/analytics/dashboard?format=csv", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
