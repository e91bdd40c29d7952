using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Panel;

/// <summary>The staff pages over plain HTTP, as a browser without a script would use them: cookies kept, redirects not followed.</summary>
internal sealed partial class PanelForms : IDisposable
{
    private readonly HttpClientHandler handler;

    public PanelForms(Uri baseAddress)
    {
        handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        Client = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public string? Cookie(string name) => Cookies.GetCookies(new Uri(Client.BaseAddress!, "/panel/")).FirstOrDefault(c => c.Name == name)?.Value;

    /// <summary>Loads the sign-in form and posts it with its antiforgery token; the response is the caller's to check.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, bool withToken = true)
    {
        var form = await Client.GetStringAsync(new Uri("/panel/ingresar", UriKind.Relative));
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password };
        if (withToken) fields["__RequestVerificationToken"] = Token(form);
        return await Client.PostAsync(new Uri("/panel/ingresar", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static string Token(string page) => TokenField().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose()
    {
        Client.Dispose();
        handler.Dispose();
    }
}
