using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Buyers;
using Platform.Api.Tests.Customers;
using Platform.Api.Tests.Leads;
using Platform.Testing;

namespace Platform.Api.Tests.Privacy;

/// <summary>
/// A customer entered by hand, then asking for a quote (a lead), with a custom field and an interaction
/// note: forgetting the customer erases the person from every table, log, read and rebuild, and the
/// same phone afterwards is a stranger (a new customer).
/// </summary>
public sealed class ForgetCustomerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private readonly LogCapture logs = new();

    [Fact]
    public async Task Forgetting_a_customer_erases_it_its_leads_its_quotes_and_its_notes_and_matching_no_longer_finds_it()
    {
        await using var host = await PrivacyRequests.StartAsync(database, logs);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var listing = await BuyerApiFixture.ListingAsync(asOwner);
        using (var defined = await asOwner.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative),
            new { key = "apodo", label = "Apodo", type = "text", required = false, position = 1 }))
            defined.IsSuccessStatusCode.Should().BeTrue();
        var c = Enumerable.Range(0, 7).Select(_ => PrivacyRequests.Canary()).ToArray();
        var phone = PrivacyRequests.Phone();
        var canaries = c.Append(phone).Append(phone.Replace(" ", "", StringComparison.Ordinal)).ToArray();

        var body = CustomerRequests.Body($"Cliente {c[0]}", phone, $"{c[1]}@example.test");
        body["address"] = $"Calle {c[2]}";
        body["notes"] = $"Notas {c[3]}";
        body["fields"] = new JsonObject { ["apodo"] = $"Apodo {c[4]}" };
        var customerId = await CustomerRequests.CreateAsync(asOwner, body);
        var bystander = await CustomerRequests.CreateAsync(asOwner, CustomerRequests.Body("Otra Persona", PrivacyRequests.Phone()));
        using (var logged = await asOwner.PostAsJsonAsync(new Uri($"/api/customers/{customerId}/interactions", UriKind.Relative),
            new { kind = "call", outcome = "interested", notes = $"Llamada {c[5]}" }))
            logged.IsSuccessStatusCode.Should().BeTrue();
        var quoteId = await QuoteAsync(host, owner.Slug, listing, phone, $"{c[6]}@example.test");
        (await LeadAsync(asOwner, quoteId)).GetProperty("customerId").GetGuid().Should().Be(customerId, "the same phone is the same person");
        (await DatabaseScan.TablesContainingAsync(database.DataSource, c[6])).Should().NotBeEmpty("the scan finds plain copies");

        using var forgot = await PrivacyRequests.ForgetAsync(asOwner, customerId);
        forgot.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestAccounts.ReadJsonAsync(forgot)).GetProperty("subjects").EnumerateArray().Select(s => s.GetGuid())
            .Should().BeEquivalentTo([customerId, quoteId]);
        await PrivacyRequests.RebuildEveryProjectionAsync(host);
        await PrivacyRequests.ShouldLeaveNoTraceAsync(database, logs, canaries);

        var customer = await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{customerId}");
        customer.GetProperty("name").GetString().Should().Be("[borrado]");
        customer.GetProperty("phones").GetArrayLength().Should().Be(0);
        customer.GetProperty("emails").GetArrayLength().Should().Be(0);
        Text(customer, "address").Should().BeNull();
        Text(customer, "notes").Should().BeNull();
        customer.GetProperty("fields").EnumerateObject().Should().BeEmpty();
        var notes = await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{customerId}/interactions");
        notes.GetProperty("items").EnumerateArray().Should().ContainSingle().Which.GetProperty("notes").ValueKind.Should().Be(JsonValueKind.Null);
        var lead = await CustomerRequests.GetJsonAsync(asOwner, $"/api/leads/{quoteId}");
        lead.GetProperty("name").GetString().Should().Be("[borrado]");
        new[] { Text(lead, "phone"), Text(lead, "email"), Text(lead, "message") }.Should().AllBeEquivalentTo((string?)null);
        using (var later = await asOwner.PostAsJsonAsync(new Uri($"/api/customers/{customerId}/interactions", UriKind.Relative), new { kind = "note" }))
            later.IsSuccessStatusCode.Should().BeTrue("a forgotten customer folds from its erased events");
        (await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{customerId}")).GetProperty("phones").GetArrayLength().Should().Be(0);
        (await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{bystander}")).GetProperty("name").GetString()
            .Should().Be("Otra Persona", "only the forgotten customer is scrubbed");

        // The quote reactor replays the erased quote first: its lead is there, nothing is written again.
        await using (var replay = database.DataSource.CreateCommand(
            "update projection_checkpoints set transaction_id = '0', position = 0 where projection like 'quote-leads%'"))
            (await replay.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        var again = await QuoteAsync(host, owner.Slug, listing, phone, "nuevo@example.test");
        var newcomer = (await LeadAsync(asOwner, again)).GetProperty("customerId").GetGuid();
        newcomer.Should().NotBe(customerId, "matching no longer knows the forgotten phone");
        (await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{newcomer}")).GetProperty("phones")[0].GetString()
            .Should().Be(phone.Replace(" ", "", StringComparison.Ordinal));
        (await CustomerRequests.GetJsonAsync(asOwner, $"/api/customers/{customerId}")).GetProperty("name").GetString().Should().Be("[borrado]");
        (await DatabaseScan.TablesContainingAsync(database.DataSource, c[6])).Should().BeEmpty("the replayed quote wrote nothing back");
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<Guid> QuoteAsync(ApiHost host, string slug, Guid listing, string phone, string email)
    {
        using var response = await host.Client.PostAsJsonAsync(new Uri($"/api/public/{slug}/listings/{listing}/quote", UriKind.Relative),
            new { name = "Comprador", phone, email, message = $"Mensaje {email}", consent = true });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return (await TestAccounts.ReadJsonAsync(response)).GetProperty("quoteId").GetGuid();
    }

    private static async Task<JsonElement> LeadAsync(HttpClient back, Guid quoteId)
    {
        var found = await LeadRequests.EventuallyAsync<JsonElement?>(async () =>
        {
            using var response = await back.GetAsync(new Uri($"/api/leads/{quoteId}", UriKind.Relative));
            return response.IsSuccessStatusCode ? await TestAccounts.ReadJsonAsync(response) : null;
        });
        found.Should().NotBeNull("the reactor turns the quote into a lead with the quote's id");
        return found!.Value;
    }
}
