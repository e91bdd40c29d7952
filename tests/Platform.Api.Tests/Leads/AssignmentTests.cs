using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Leads;

public sealed class AssignmentTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task New_leads_go_round_robin_among_active_sales_users_only()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var ana = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        var beto = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");

        var assignees = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 222 000{i}"));
            assignees.Add((await LeadRequests.GetJsonAsync(client, $"/api/leads/{id}")).GetProperty("assigneeId").GetGuid());
        }

        assignees.Distinct().Should().BeEquivalentTo([ana.UserId, beto.UserId]);
        assignees[0].Should().NotBe(assignees[1]);
        assignees[2].Should().Be(assignees[0]);
        assignees[3].Should().Be(assignees[1]);
    }

    [Fact]
    public async Task Leads_arriving_at_once_are_shared_evenly()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var sales = new[]
        {
            await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales"),
            await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales"),
        };

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 333 000{i}"))));

        ids.Should().OnlyHaveUniqueItems();
        var counts = await Task.WhenAll(sales.Select(s => api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1 and assignee_id = $2", owner.TenantId, s.UserId)));
        counts.Should().Equal(4L, 4L);
    }

    [Fact]
    public async Task A_lead_is_assigned_by_hand_or_to_the_next_in_turn_and_never_to_someone_outside_the_team()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await LeadRequests.CreateAsync(client);
        var other = await TestAccounts.RegisterTenantAsync(api.Client);

        using var none = await LeadRequests.PostAsync(client, $"/api/leads/{id}/assign", new { roundRobin = true });
        none.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var outsider = await LeadRequests.PostAsync(client, $"/api/leads/{id}/assign", new { userId = other.UserId });
        outsider.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var neither = await LeadRequests.PostAsync(client, $"/api/leads/{id}/assign", new { });
        neither.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var byHand = await LeadRequests.PostAsync(client, $"/api/leads/{id}/assign", new { userId = owner.UserId });
        byHand.StatusCode.Should().Be(HttpStatusCode.OK);
        var seller = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var inTurn = await LeadRequests.PostAsync(client, $"/api/leads/{id}/assign", new { roundRobin = true });
        inTurn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LeadRequests.GetJsonAsync(client, $"/api/leads/{id}")).GetProperty("assigneeId").GetGuid().Should().Be(seller.UserId);
    }
}
