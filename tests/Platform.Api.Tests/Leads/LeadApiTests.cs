using System.Net;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Customers;

namespace Platform.Api.Tests.Leads;

public sealed class LeadApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_manual_lead_is_normalized_attached_to_the_existing_customer_scored_and_read_with_its_reasons()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var customer = await CustomerRequests.CreateAsync(client, CustomerRequests.Body("Laura Ríos", "+57 300 555 1234", "laura@example.test"));

        var id = await LeadRequests.CreateAsync(client, LeadRequests.Body(phone: "(300) 555-1234", email: " LAURA@Example.test "));

        using var read = await client.GetAsync(new Uri($"/api/leads/{id}", UriKind.Relative));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().Be("\"2\"");
        var lead = await TestAccounts.ReadJsonAsync(read);
        lead.GetProperty("customerId").GetGuid().Should().Be(customer);
        lead.GetProperty("phone").GetString().Should().Be("+573005551234");
        lead.GetProperty("email").GetString().Should().Be("laura@example.test");
        lead.GetProperty("source").GetString().Should().Be("manual");
        lead.GetProperty("campaign").GetString().Should().Be("feria-2026");
        lead.GetProperty("status").GetString().Should().Be("new");
        var reasons = lead.GetProperty("reasons").EnumerateArray().ToList();
        reasons.Select(r => r.GetProperty("factor").GetString()).Should().Equal("source", "budget", "timeline", "completeness", "engagement");
        reasons.Sum(r => r.GetProperty("points").GetInt32()).Should().Be(lead.GetProperty("score").GetInt32());
        lead.GetProperty("score").GetInt32().Should().Be(10 + 5 + 15 + 15 + 0, "a manual lead with a budget, this month, full contact, first request");
        lead.GetProperty("band").GetString().Should().Be("warm");
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task Leads_are_listed_newest_first_and_filtered_by_status_source_band_and_assignee_with_keyset_pages()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var first = await LeadRequests.CreateAsync(client, LeadRequests.Body("Uno", "300 111 0001"));
        var second = await LeadRequests.CreateAsync(client, LeadRequests.Body("Dos", "300 111 0002"));
        using (var _ = await LeadRequests.PostAsync(client, $"/api/leads/{first}/disqualify", new { reason = "Número equivocado" })) { }
        using (var _ = await LeadRequests.PostAsync(client, $"/api/leads/{second}/assign", new { userId = owner.UserId })) { }

        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, "/api/leads")).Should().Equal(second, first);
        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, "/api/leads?status=disqualified")).Should().Equal(first);
        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, $"/api/leads?assigneeId={owner.UserId}")).Should().Equal(second);
        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, "/api/leads?source=webhook")).Should().BeEmpty();
        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, "/api/leads?band=warm")).Should().Equal(second, first);
        var page = await LeadRequests.GetJsonAsync(client, "/api/leads?limit=1");
        LeadRequests.Ids(page).Should().Equal(second);
        LeadRequests.Ids(await LeadRequests.GetJsonAsync(client, $"/api/leads?limit=1&cursor={page.GetProperty("nextCursor").GetString()}")).Should().Equal(first);

        using var bad = await client.GetAsync(new Uri("/api/leads?status=perdido&band=tibio", UriKind.Relative));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["status", "band"]);
    }

    [Theory]
    [InlineData("phone", "\"12\"", "phone")]
    [InlineData("email", "\"no-es-correo\"", "email")]
    [InlineData("timeline", "\"algún día\"", "timeline")]
    [InlineData("budget", "-5", "budget")]
    [InlineData("name", "\" \"", "name")]
    public async Task Bad_leads_are_refused_naming_the_field_and_store_nothing(string field, string json, string named)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var body = LeadRequests.Body();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        using var response = await LeadRequests.PostAsync(client, "/api/leads", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(named, out _).Should().BeTrue();
        (await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1 and stream_id like 'lead-%'", owner.TenantId)).Should().Be(0);
    }

    [Fact]
    public async Task Contact_qualify_and_disqualify_move_the_lead_and_a_closed_lead_refuses_more()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await LeadRequests.CreateAsync(client);
        var before = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{id}")).GetProperty("score").GetInt32();

        using var contacted = await LeadRequests.PostAsync(client, $"/api/leads/{id}/contact", new { channel = "whatsapp", notes = "Le envié fotos" });
        contacted.StatusCode.Should().Be(HttpStatusCode.OK);
        var lead = await LeadRequests.GetJsonAsync(client, $"/api/leads/{id}");
        lead.GetProperty("status").GetString().Should().Be("contacted");
        lead.GetProperty("responseSeconds").GetInt64().Should().BeInRange(0, 60);
        lead.GetProperty("score").GetInt32().Should().Be(before + 5, "a contact is engagement");
        var customer = lead.GetProperty("customerId").GetGuid();
        (await api.ScalarAsync<int>("select interactions from customers where customer_id = $1", customer)).Should().Be(1);

        using var stale = await LeadRequests.PostAsync(client, $"/api/leads/{id}/qualify", null, "\"1\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var qualified = await LeadRequests.PostAsync(client, $"/api/leads/{id}/qualify", null, contacted.Headers.ETag!.Tag);
        qualified.StatusCode.Should().Be(HttpStatusCode.OK);
        using var noReason = await LeadRequests.PostAsync(client, $"/api/leads/{id}/disqualify", new { reason = "" });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var disqualified = await LeadRequests.PostAsync(client, $"/api/leads/{id}/disqualify", new { reason = "Compró en otro lado" });
        disqualified.StatusCode.Should().Be(HttpStatusCode.OK);
        lead = await LeadRequests.GetJsonAsync(client, $"/api/leads/{id}");
        lead.GetProperty("status").GetString().Should().Be("disqualified");
        lead.GetProperty("disqualifyReason").GetString().Should().Be("Compró en otro lado");

        using var again = await LeadRequests.PostAsync(client, $"/api/leads/{id}/contact", new { channel = "call" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await TestAccounts.ReadJsonAsync(again)).GetProperty("type").GetString().Should().Be("/problems/lead-closed");
    }

    [Fact]
    public async Task A_viewer_reads_leads_but_cannot_change_them()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await LeadRequests.CreateAsync(client);
        var viewer = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");
        using var asViewer = api.Client.WithBearer(viewer);

        (await LeadRequests.GetJsonAsync(asViewer, $"/api/leads/{id}")).GetProperty("leadId").GetGuid().Should().Be(id);
        using var contact = await LeadRequests.PostAsync(asViewer, $"/api/leads/{id}/contact", new { channel = "call" });
        contact.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
