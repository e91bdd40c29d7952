using System.Security.Cryptography;
using System.Text;
using Platform.Api.Public;

namespace Platform.Api.Panel;

/// <summary>The frame of the staff pages: the catalog pages' look, their stylesheet and ours, and no script at all.</summary>
internal static class PanelLayout
{
    /// <summary>Both stylesheets are ours and fixed, so the policy names their hashes; nothing may run, load or frame the page.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src 'self' data:; style-src '{Hash(PageStyles.Css)}' '{Hash(PanelStyles.Css)}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <param name="signOut">The sign-out form's antiforgery token when someone is signed in; null on the sign-in page.</param>
    public static Markup Render(string title, Markup body, string? signOut = null) => Html.Of($"""
        <!doctype html>
        <html lang="es">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{title}</title>
        <style>{new Markup(PageStyles.Css)}</style>
        <style>{new Markup(PanelStyles.Css)}</style>
        </head>
        <body>
        <header class="top"><a href="{PanelAddresses.Analytics}">Panel de ventas</a>{Html.When(signOut is not null, () => SignOutForm(signOut!))}</header>
        <main>
        {body}
        </main>
        <footer>Panel interno. Las cifras se calculan por día en la zona horaria del negocio.</footer>
        </body>
        </html>
        """);

    private static Markup SignOutForm(string token) => Html.Of($"""
        <form method="post" action="{PanelAddresses.SignOut}"><input type="hidden" name="{PanelAntiforgery.FormField}" value="{token}"><button type="submit">Cerrar sesión</button></form>
        """);

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
