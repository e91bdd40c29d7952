using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Buyers;

namespace Platform.Api.Tests.Leads;

public sealed class QuoteLeadTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_buyers_quote_becomes_exactly_one_lead_and_the_same_buyer_again_attaches_to_the_same_customer()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var seller = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        var listing = await BuyerApiFixture.ListingAsync(back);

        var first = await QuoteAsync(owner.Slug, listing, "+57 300 555 1234", "Carolina@Example.com");
        var lead = await LeadAsync(back, first);
        lead.GetProperty("source").GetString().Should().Be("quote");
        lead.GetProperty("listingId").GetGuid().Should().Be(listing);
        lead.GetProperty("phone").GetString().Should().Be("+573005551234");
        lead.GetProperty("email").GetString().Should().Be("carolina@example.com");
        lead.GetProperty("message").GetString().Should().Be("¿Reciben carro en parte de pago?");
        lead.GetProperty("assigneeId").GetGuid().Should().Be(seller.UserId);
        var engagement = (JsonElement l) => l.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("factor").GetString() == "engagement").GetProperty("points").GetInt32();
        engagement(lead).Should().Be(0);

        var second = await QuoteAsync(owner.Slug, listing, "300 555 1234", "otro-correo@example.com");
        var repeat = await LeadAsync(back, second);
        repeat.GetProperty("customerId").GetGuid().Should().Be(lead.GetProperty("customerId").GetGuid());
        engagement(repeat).Should().Be(10, "the same person asked before");
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(1);
        (await api.ScalarAsync<string[]>("select emails from customers where tenant_id = $1", owner.TenantId))
            .Should().BeEquivalentTo(["carolina@example.com", "otro-correo@example.com"]);
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(2);
    }

    [Fact]
    public async Task Replaying_the_quote_reactor_from_the_start_makes_no_second_lead()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var listing = await BuyerApiFixture.ListingAsync(back);
        var quote = await QuoteAsync(owner.Slug, listing, "+57 301 000 0000", "replay@example.com");
        await LeadAsync(back, quote);
        var version = await api.ScalarAsync<long>("select version from leads where lead_id = $1", quote);

        (await api.ExecuteAsync("update projection_checkpoints set transaction_id = '0', position = 0 where projection like 'quote-leads%'"))
            .Should().BeGreaterThan(0);
        var another = await QuoteAsync(owner.Slug, listing, "+57 301 000 0001", "after-replay@example.com");
        await LeadAsync(back, another);

        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(2);
        (await api.ScalarAsync<long>("select version from leads where lead_id = $1", quote)).Should().Be(version);
    }

    private async Task<Guid> QuoteAsync(string slug, Guid listing, string phone, string email)
    {
        using var response = await api.Client.PostAsJsonAsync(new Uri($"/api/public/{slug}/listings/{listing}/quote", UriKind.Relative),
            new { name = "Carolina Restrepo", phone, email, message = "¿Reciben carro en parte de pago?", consent = true });
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
