using System.Net;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Leads;

/// <summary>Opening an opportunity from a lead converts the lead in the same append.</summary>
public sealed class LeadToOpportunityTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Opening_from_a_lead_converts_it_once_and_only_for_its_own_customer()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var leadId = await LeadRequests.CreateAsync(client);
        var other = await LeadRequests.CreateAsync(client, LeadRequests.Body("Otra Persona", "300 777 0000"));
        var customer = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{leadId}")).GetProperty("customerId").GetGuid();
        var otherCustomer = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{other}")).GetProperty("customerId").GetGuid();
        var pipeline = (await SalesTeam.SeededPipelineAsync(client)).GetProperty("pipelineId").GetGuid();

        var mismatch = await Open(client, pipeline, otherCustomer, leadId);
        mismatch.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await LeadRequests.GetJsonAsync(client, $"/api/leads/{leadId}")).GetProperty("status").GetString().Should().NotBe("converted");

        var opportunity = await SalesTeam.OpenAsync(client, pipeline, customer, more: new { leadId });
        var lead = await LeadRequests.GetJsonAsync(client, $"/api/leads/{leadId}");
        lead.GetProperty("status").GetString().Should().Be("converted");
        lead.GetProperty("opportunityId").GetGuid().Should().Be(opportunity);

        using var again = await Open(client, pipeline, customer, leadId);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var opened = await SalesTeam.EventuallyAsync(client, $"/api/opportunities?customerId={customer}", json => json.GetProperty("items").GetArrayLength() > 0);
        opened.GetProperty("items").GetArrayLength().Should().Be(1, "a refused conversion opens nothing");

        var before = (await LeadRequests.GetJsonAsync(client, $"/api/customers/{customer}")).GetProperty("version").GetInt64();
        using (var won = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount = 88_000_000m }))
            won.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await SalesTeam.EventuallyAsync(client, $"/api/customers/{customer}",
            json => json.GetProperty("lifetimeValue") is { ValueKind: System.Text.Json.JsonValueKind.Number } value && value.GetDecimal() > 0);
        after.GetProperty("version").GetInt64().Should().Be(before + 1, "the win is recorded as the customer's purchase in the same append");
        after.GetProperty("lifetimeValue").GetDecimal().Should().Be(88_000_000m);
    }

    private static Task<HttpResponseMessage> Open(HttpClient client, Guid pipelineId, Guid customerId, Guid leadId) =>
        SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities",
            new { pipelineId, customerId, leadId, title = "Camioneta", value = 90_000_000m });
}
