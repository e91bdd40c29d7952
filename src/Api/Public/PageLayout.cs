using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Public;

/// <summary>What search engines and link previews read of a page.</summary>
/// <param name="JsonLd">schema.org data, serialized with every HTML-significant character escaped.</param>
/// <param name="Index">False for pages search engines should follow but not list (searches, later pages).</param>
internal sealed record PageHead(
    string Title, string Description, string CanonicalUrl, string? JsonLd = null, bool Index = true, string? ImageUrl = null);

/// <summary>The frame around every catalog page: head, the business's name, styles and the optional script.</summary>
internal static class PageLayout
{
    /// <summary>The page's only style and script are ours and fixed, so the policy names their hashes and nothing else runs.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src http: https: data:; style-src '{Hash(PageStyles.Css)}'; script-src '{Hash(SearchScript.Js)}'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static Markup Render(PageHead head, string tenantName, string homePath, Markup body, bool withScript = false)
    {
        ArgumentNullException.ThrowIfNull(head);
        var description = head.Description.Length > 300 ? head.Description[..297] + "…" : head.Description;
        return Html.Of($"""
            <!doctype html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{head.Title}</title>
            <meta name="description" content="{description}">
            <link rel="canonical" href="{head.CanonicalUrl}">
            {Html.When(!head.Index, () => new Markup("<meta name=\"robots\" content=\"noindex, follow\">"))}
            <meta property="og:type" content="website">
            <meta property="og:title" content="{head.Title}">
            <meta property="og:description" content="{description}">
            <meta property="og:url" content="{head.CanonicalUrl}">
            <meta property="og:site_name" content="{tenantName}">
            {Html.When(Html.IsWebAddress(head.ImageUrl), () => Html.Of($"<meta property=\"og:image\" content=\"{head.ImageUrl}\">"))}
            <style>{new Markup(PageStyles.Css)}</style>
            {Html.When(head.JsonLd is not null, () => Html.Of($"<script type=\"application/ld+json\">{new Markup(head.JsonLd!)}</script>"))}
            </head>
            <body>
            <header class="top"><a href="{homePath}">{tenantName}</a></header>
            <main>
            {body}
            </main>
            <footer>Catálogo de {tenantName}. Precios sujetos a cambios sin previo aviso.</footer>
            {Html.When(withScript, () => new Markup($"<script>{SearchScript.Js}</script>"))}
            </body>
            </html>
            """);
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
