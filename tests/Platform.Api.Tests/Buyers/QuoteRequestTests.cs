using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Buyers;

public sealed class QuoteRequestTests(BuyerApiFixture api) : IClassFixture<BuyerApiFixture>
{
    private static object Quote(bool consent = true, string? website = null, string name = "Carolina Restrepo", string email = "Carolina@Example.com") =>
        new { name, phone = "+57 300 555 1234", email, message = "¿Reciben carro en parte de pago?", consent, website };

    private Task<HttpResponseMessage> PostAsync(string slug, Guid id, object body) =>
        api.Client.PostAsJsonAsync(new Uri($"/api/public/{slug}/listings/{id}/quote", UriKind.Relative), body);

    [Fact]
    public async Task A_quote_for_a_published_listing_is_accepted_without_signing_in_and_stored_on_its_own_stream()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);

        using var response = await PostAsync(owner.Slug, id, Quote());

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var quoteId = (await TestAccounts.ReadJsonAsync(response)).GetProperty("quoteId").GetGuid();
        var stored = (await api.QuotesAsync(owner.TenantId)).Should().ContainSingle().Subject;
        stored["quoteId"]!.GetValue<Guid>().Should().Be(quoteId);
        stored["listingId"]!.GetValue<Guid>().Should().Be(id);
        stored["listingTitle"]!.GetValue<string>().Should().Be("Toyota Hilux 2.8 diésel 4x4");
        stored["email"]!.GetValue<string>().Should().Be("carolina@example.com");
        stored["consent"]!.GetValue<bool>().Should().BeTrue();
        stored["source"]!.GetValue<string>().Should().Be("public-api");
        (await api.Database.DataSource.CreateCommand($"select count(*) from events where stream_id = 'quote-{quoteId:D}'").ExecuteScalarAsync())
            .Should().Be(1L);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("reserved")]
    [InlineData("sold")]
    [InlineData("withdrawn")]
    public async Task Only_published_listings_take_quotes(string status)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back, status);

        using var response = await PostAsync(owner.Slug, id, Quote());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_businesss_listing_or_an_unknown_catalog_is_not_found()
    {
        var a = await TestAccounts.RegisterTenantAsync(api.Client);
        var b = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asB = api.Client.WithBearer(b);
        var bListing = await BuyerApiFixture.ListingAsync(asB);

        using var throughA = await PostAsync(a.Slug, bListing, Quote());
        using var unknown = await PostAsync("no-existe-este-catalogo", bListing, Quote());
        using var malformed = await PostAsync("NO VALE", bListing, Quote());

        throughA.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.QuotesAsync(a.TenantId)).Should().BeEmpty();
        (await api.QuotesAsync(b.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_success_and_nothing_is_stored()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);

        using var response = await PostAsync(owner.Slug, id, Quote(website: "http://spam.example"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("quoteId").GetGuid().Should().NotBeEmpty();
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Consent_is_required()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);

        using var refused = await PostAsync(owner.Slug, id, Quote(consent: false));
        using var missing = await PostAsync(owner.Slug, id, new { name = "Ana", email = "ana@example.com" });

        foreach (var response in new[] { refused, missing })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var errors = (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors");
            errors.GetProperty("consent")[0].GetString().Should().Contain("aceptar");
        }
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_fields_are_named_in_spanish_and_nothing_is_stored()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);

        using var response = await PostAsync(owner.Slug, id,
            new { name = " ", phone = "llámame", email = "no-es-un-correo", message = new string('x', 2001), consent = true });
        using var noContact = await PostAsync(owner.Slug, id, new { name = "Ana", consent = true });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["name", "phone", "email", "message"]);
        errors.GetProperty("name")[0].GetString().Should().Be("Escribe tu nombre.");
        errors.GetProperty("email")[0].GetString().Should().Be("Escribe un correo electrónico válido.");
        errors.GetProperty("message")[0].GetString().Should().Contain("2000 caracteres");
        noContact.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(noContact)).GetProperty("errors").GetProperty("phone")[0].GetString().Should().Contain("teléfono o un correo");
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_address_that_sends_too_many_quotes_gets_429_with_retry_after()
    {
        await using var strict = await api.StartHostAsync("--Platform:RateLimits:QuotesPerWindow=2", "--Platform:RateLimits:AnonymousPerMinute=100000");
        var owner = await TestAccounts.RegisterTenantAsync(strict.Client);
        using var back = strict.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);
        var path = new Uri($"/api/public/{owner.Slug}/listings/{id}/quote", UriKind.Relative);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await strict.Client.PostAsJsonAsync(path, Quote());
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) continue;
            response.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
            (await TestAccounts.ReadJsonAsync(response)).GetProperty("type").GetString().Should().Be("/problems/too-many-requests");
        }

        statuses.Should().Equal(HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests);
        (await api.QuotesAsync(owner.TenantId)).Should().HaveCount(2);
    }
}
