using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Panel;

/// <summary>The staff pages over plain HTTP: sign-in failures, the period's validation, renewal, headers.</summary>
public sealed class PanelFormTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private async Task<PanelForms> SignedInAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var forms = new PanelForms(api.Client.BaseAddress!);
        using var signIn = await forms.SignInAsync(owner.Email, owner.Password);
        signIn.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        signIn.Headers.Location!.ToString().Should().Be("/panel/analitica");
        return forms;
    }

    [Theory]
    [InlineData("desde=2026-03-01&hasta=2026-02-01", "desde", "El inicio del periodo debe ser anterior o igual a su fin.")]
    [InlineData("desde=2020-01-01&hasta=2026-01-01", "hasta", "El periodo puede abarcar a lo sumo tres años.")]
    [InlineData("desde=ayer", "desde", "Escribe la fecha como AAAA-MM-DD, por ejemplo 2026-03-01.")]
    [InlineData("hasta=2026-13-01", "hasta", "Escribe la fecha como AAAA-MM-DD, por ejemplo 2026-03-01.")]
    [InlineData("desde=1900-01-01", "desde", "Elige una fecha entre los años 2000 y 9000.")]
    [InlineData("desde=2026-01-01&desde=2026-02-01", "desde", "Escribe la fecha como AAAA-MM-DD, por ejemplo 2026-03-01.")]
    public async Task A_bad_period_is_a_400_page_naming_the_field_in_spanish(string query, string field, string message)
    {
        using var forms = await SignedInAsync();

        using var response = await forms.Client.GetAsync(new Uri($"/panel/analitica?{query}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain($"<span class=\"error\" id=\"error-{field}\">{message}</span>");
        page.Should().NotContain("<svg");
    }

    [Fact]
    public async Task A_good_period_is_shown_back_in_the_form_with_the_pages_policy()
    {
        using var forms = await SignedInAsync();

        using var response = await forms.Client.GetAsync(new Uri("/panel/analitica?desde=2026-01-01&hasta=2026-01-31", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("value=\"2026-01-01\"").And.Contain("value=\"2026-01-31\"").And.Contain("Del 1 ene 2026 al 31 ene 2026");
        page.Should().Contain("No llegaron leads en este periodo.").And.Contain("Ninguna oportunidad pasó por el embudo en este periodo.");
        page.Should().NotContain("<script");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.NotContain("script-src").And.Contain("frame-ancestors 'none'");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Wrong_credentials_show_the_form_again_with_a_spanish_message()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var forms = new PanelForms(api.Client.BaseAddress!);

        using var wrong = await forms.SignInAsync(owner.Email, "not-the-password");

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await wrong.Content.ReadAsStringAsync();
        page.Should().Contain("El correo o la contraseña no son correctos.").And.Contain($"value=\"{owner.Email}\"").And.NotContain("not-the-password");
        forms.Cookie("panel_acceso").Should().BeNull();

        using var empty = await forms.SignInAsync("", "");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("id=\"error-email\">Escribe tu correo.").And.Contain("id=\"error-password\">Escribe tu contraseña.");
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_signs_nobody_in()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var forms = new PanelForms(api.Client.BaseAddress!);

        using var forged = await forms.SignInAsync(owner.Email, owner.Password, withToken: false);

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("El formulario venció");
        forms.Cookie("panel_acceso").Should().BeNull();
    }

    [Fact]
    public async Task Sign_in_attempts_are_throttled_like_the_api()
    {
        await using var host = await api.StartHostAsync("--Platform:Auth:LoginAttemptsPerAccount=2");
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var forms = new PanelForms(host.Client.BaseAddress!);
        for (var i = 0; i < 2; i++) (await forms.SignInAsync(owner.Email, "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var throttled = await forms.SignInAsync(owner.Email, owner.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.Should().NotBeNull();
        (await throttled.Content.ReadAsStringAsync()).Should().Contain("Demasiados intentos de inicio de sesión.");
    }

    [Fact]
    public async Task An_expired_access_cookie_is_renewed_from_the_refresh_cookie()
    {
        await using var host = await api.StartHostAsync("--Platform:Auth:AccessTokenLifetime=00:00:02");
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var forms = new PanelForms(host.Client.BaseAddress!);
        (await forms.SignInAsync(owner.Email, owner.Password)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var first = forms.Cookie("panel_acceso");
        await Task.Delay(TimeSpan.FromSeconds(3));
        // The browser dropped the expired cookie (Max-Age); the refresh cookie is still there.
        forms.Cookies.Add(new Uri(host.Client.BaseAddress!, "/panel/"), new Cookie("panel_acceso", first!, "/panel"));

        using var renewed = await forms.Client.GetAsync(new Uri("/panel/analitica?desde=2026-01-01", UriKind.Relative));

        renewed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        renewed.Headers.Location!.ToString().Should().Be("/panel/analitica?desde=2026-01-01");
        forms.Cookie("panel_acceso").Should().NotBe(first);
        using var page = await forms.Client.GetAsync(renewed.Headers.Location);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_behind_the_cookie()
    {
        using var forms = await SignedInAsync();
        var access = forms.Cookie("panel_acceso")!;
        var page = await forms.Client.GetStringAsync(new Uri("/panel/analitica", UriKind.Relative));

        using var signOut = await forms.Client.PostAsync(new Uri("/panel/salir", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PanelForms.Token(page) }));

        signOut.StatusCode.Should().Be(HttpStatusCode.SeeOther, await signOut.Content.ReadAsStringAsync());
        signOut.Headers.Location!.ToString().Should().Be("/panel/ingresar");
        forms.Cookie("panel_acceso").Should().BeNull();
        using var bearer = api.Client.WithBearer(access);
        using var revoked = await bearer.GetAsync(new Uri("/api/analytics/dashboard", UriKind.Relative));
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
