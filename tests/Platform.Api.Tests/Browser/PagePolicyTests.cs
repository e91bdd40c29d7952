namespace Platform.Api.Tests.Browser;

public sealed class PagePolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_pages_own_style_passes_their_content_security_policy()
    {
        var page = await browser.NewPageAsync(phone: true);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        var response = await page.GotoAsync("/catalogo/no-existe-este-catalogo");

        response!.Status.Should().Be(404);
        (await page.Locator("h1").TextContentAsync()).Should().Be("Catálogo no encontrado");
        var header = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.top')).backgroundColor");
        header.Should().Be("rgb(18, 60, 105)", "the inline stylesheet applies, so its hash in the policy is right");
        violations.Should().BeEmpty();
    }
}
