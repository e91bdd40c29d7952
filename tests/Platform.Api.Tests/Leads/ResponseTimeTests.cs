using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Leads;

public sealed class ResponseTimeTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    /// <summary>The real clock, moved forward by the test: contacts happen minutes after the leads came in.</summary>
    private sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    [Fact]
    public async Task Response_times_are_reported_per_lead_and_per_salesperson_as_median_and_p90()
    {
        var time = new ShiftedTime();
        await using var host = await ApiHost.StartAsync(services => services.AddSingleton<TimeProvider>(time),
            $"--ConnectionStrings:Platform={api.Database.ConnectionString}");
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var client = host.Client.WithBearer(owner);
        var ana = await TestAccounts.AddSignedInUserAsync(host.Client, api.Database.DataSource, owner.TenantId, "sales");
        var beto = await TestAccounts.AddSignedInUserAsync(host.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asAna = host.Client.WithBearer(ana);
        using var asBeto = host.Client.WithBearer(beto);
        var leads = new List<Guid>();
        for (var i = 0; i < 4; i++) leads.Add(await LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 444 000{i}")));

        await ContactAsync(asAna, leads[0], TimeSpan.FromSeconds(60));
        await ContactAsync(asAna, leads[1], TimeSpan.FromSeconds(240));
        await ContactAsync(asBeto, leads[2], TimeSpan.FromSeconds(600));

        (await LeadRequests.GetJsonAsync(client, $"/api/leads/{leads[1]}")).GetProperty("responseSeconds").GetInt64().Should().BeCloseTo(240, 5);
        var report = await LeadRequests.GetJsonAsync(client, "/api/leads/response-times");
        var overall = report.GetProperty("overall");
        overall.GetProperty("leads").GetInt32().Should().Be(4);
        overall.GetProperty("contacted").GetInt32().Should().Be(3);
        overall.GetProperty("medianSeconds").GetDouble().Should().BeApproximately(240, 5);
        overall.GetProperty("p90Seconds").GetDouble().Should().BeApproximately(528, 5);
        var people = report.GetProperty("salespeople").EnumerateArray().ToDictionary(p => p.GetProperty("userId").GetGuid());
        people[ana.UserId].GetProperty("contacted").GetInt32().Should().Be(2);
        people[ana.UserId].GetProperty("medianSeconds").GetDouble().Should().BeApproximately(150, 5);
        people[ana.UserId].GetProperty("p90Seconds").GetDouble().Should().BeApproximately(222, 5);
        people[beto.UserId].GetProperty("medianSeconds").GetDouble().Should().BeApproximately(600, 5);

        var empty = await LeadRequests.GetJsonAsync(client, "/api/leads/response-times?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");
        using (var ancient = await client.GetAsync(new Uri("/api/leads/response-times?to=0001-01-01T00:00:00Z", UriKind.Relative)))
            ancient.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        empty.GetProperty("overall").GetProperty("leads").GetInt32().Should().Be(0);
        using var backwards = await client.GetAsync(new Uri("/api/leads/response-times?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", UriKind.Relative));
        backwards.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);

        async Task ContactAsync(HttpClient seller, Guid lead, TimeSpan after)
        {
            time.Offset = after;
            using var response = await LeadRequests.PostAsync(seller, $"/api/leads/{lead}/contact", new { channel = "call" });
            response.EnsureSuccessStatusCode();
        }
    }
}
