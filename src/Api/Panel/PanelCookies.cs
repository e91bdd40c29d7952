using Platform.Write.Identity;

namespace Platform.Api.Panel;

/// <summary>
/// The staff pages' session: the access token (and the refresh token that renews it) in cookies a script
/// cannot read, sent only to /panel and only by the site itself (SameSite=Strict), over https when the page is.
/// The bearer handler reads them under /panel only, so a cookie never signs in a call to /api.
/// </summary>
internal static class PanelCookies
{
    public const string Root = "/panel";
    public const string Access = "panel_acceso";
    public const string Renewal = "panel_renovacion";

    public static bool IsPanel(HttpRequest request) => request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);

    /// <summary>The access token of a /panel request, or null (any other path, or no cookie).</summary>
    public static string? AccessToken(HttpRequest request) =>
        IsPanel(request) && request.Cookies.TryGetValue(Access, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    public static string? RefreshToken(HttpRequest request) =>
        IsPanel(request) && request.Cookies.TryGetValue(Renewal, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    public static void Write(HttpContext http, SessionTokens tokens, TimeSpan refreshLifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tokens);
        http.Response.Cookies.Append(Access, tokens.AccessToken, Options(http, TimeSpan.FromSeconds(tokens.ExpiresIn)));
        http.Response.Cookies.Append(Renewal, tokens.RefreshToken, Options(http, refreshLifetime));
    }

    public static void Delete(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(Access, Options(http, null));
        http.Response.Cookies.Delete(Renewal, Options(http, null));
    }

    private static CookieOptions Options(HttpContext http, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = Root,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
