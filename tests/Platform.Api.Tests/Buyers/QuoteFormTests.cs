using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Buyers;

/// <summary>The listing page's form, posted as a browser without a script posts it.</summary>
public sealed class QuoteFormTests(BuyerApiFixture api) : IClassFixture<BuyerApiFixture>
{
    private static FormUrlEncodedContent Form(bool consent = true, string? website = null, string email = "ana@example.com") => new(new Dictionary<string, string>
    {
        ["name"] = "Ana <b>Gómez</b>", ["phone"] = "300 555 1234", ["email"] = email, ["message"] = "¿La puedo ver el sábado?",
        ["website"] = website ?? "", ["consent"] = consent ? "true" : "",
    }.Where(p => p.Value.Length > 0));

    private async Task<(TestAccount Owner, Guid Listing)> PublishedAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var id = await BuyerApiFixture.ListingAsync(back);
        await Searchable.WaitForAsync(api.Client, owner.Slug, id);
        return (owner, id);
    }

    private static HttpClient NoRedirects(HttpClient client) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };

    [Fact]
    public async Task A_sent_form_stores_the_quote_and_redirects_to_the_confirmation()
    {
        var (owner, id) = await PublishedAsync();
        using var browser = NoRedirects(api.Client);

        using var response = await browser.PostAsync(new Uri($"/catalogo/{owner.Slug}/{id:D}/cotizar", UriKind.Relative), Form());

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be($"/catalogo/{owner.Slug}/{id:D}/gracias");
        var stored = (await api.QuotesAsync(owner.TenantId)).Should().ContainSingle().Subject;
        stored["source"]!.GetValue<string>().Should().Be("catalog-page");
        stored["name"]!.GetValue<string>().Should().Be("Ana <b>Gómez</b>");
        var thanks = await api.Client.GetStringAsync(response.Headers.Location);
        thanks.Should().Contain("¡Solicitud enviada!").And.Contain("Toyota Hilux 2.8 diésel 4x4");
    }

    [Fact]
    public async Task A_form_with_mistakes_comes_back_filled_in_with_each_fields_message()
    {
        var (owner, id) = await PublishedAsync();

        using var response = await api.Client.PostAsync(new Uri($"/catalogo/{owner.Slug}/{id:D}/cotizar", UriKind.Relative), Form(consent: false, email: "ana@"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<span class=\"error\" id=\"error-consent\">Para enviar la solicitud debes aceptar");
        html.Should().Contain("<span class=\"error\" id=\"error-email\">Escribe un correo electrónico válido.</span>");
        html.Should().Contain("value=\"Ana &lt;b&gt;Gómez&lt;/b&gt;\"", "what the buyer typed is kept, escaped");
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_and_forgotten()
    {
        var (owner, id) = await PublishedAsync();
        using var browser = NoRedirects(api.Client);

        using var response = await browser.PostAsync(new Uri($"/catalogo/{owner.Slug}/{id:D}/cotizar", UriKind.Relative), Form(website: "https://spam.example"));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_draft_takes_no_quotes_from_the_form_either()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var draft = await BuyerApiFixture.ListingAsync(back, "draft");

        using var response = await api.Client.PostAsync(new Uri($"/catalogo/{owner.Slug}/{draft:D}/cotizar", UriKind.Relative), Form());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.QuotesAsync(owner.TenantId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Too_many_forms_from_one_address_get_a_page_that_says_when_to_try_again()
    {
        await using var strict = await api.StartHostAsync("--Platform:RateLimits:QuotesPerWindow=1");
        var (owner, id) = await PublishedAsync();
        var path = new Uri($"/catalogo/{owner.Slug}/{id:D}/cotizar", UriKind.Relative);
        using var browser = NoRedirects(strict.Client);

        using var first = await browser.PostAsync(path, Form());
        using var second = await browser.PostAsync(path, Form());

        first.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        (await second.Content.ReadAsStringAsync()).Should().Contain("Demasiadas solicitudes").And.Contain("Intenta de nuevo en");
    }
}
