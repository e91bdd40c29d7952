using Microsoft.AspNetCore.Antiforgery;

namespace Platform.Api.Panel;

/// <summary>
/// The panel's forms carry an antiforgery token: SameSite=Strict already keeps other sites' posts from
/// carrying the session, and the token also covers browsers that ignore SameSite and sign-in forgery.
/// </summary>
internal static class PanelAntiforgery
{
    public const string FormField = "__RequestVerificationToken";

    public static string Token(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";

    public static Task<bool> IsValidAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);

    public static IResult Expired() => PanelMessages.Page(StatusCodes.Status400BadRequest, "El formulario venció",
        "Vuelve a cargar la página e inténtalo de nuevo.");
}
