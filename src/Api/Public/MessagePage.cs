namespace Platform.Api.Public;

/// <summary>A short page with one message: a confirmation, a missing catalog, a limit reached.</summary>
/// <param name="Back">Where the buyer goes next: (address, link text), or none.</param>
internal sealed record MessageView(string Title, string Text, (string Href, string Label)? Back, string TenantName = "Catálogo", string HomePath = "/");

internal static class MessagePage
{
    public static Markup Render(MessageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = Html.Of($"""
            <section class="notice" role="status">
            <h1>{view.Title}</h1>
            <p>{view.Text}</p>
            {Html.When(view.Back is not null, () => Html.Of($"<p><a class=\"button\" href=\"{view.Back!.Value.Href}\">{view.Back.Value.Label}</a></p>"))}
            </section>
            """);
        return PageLayout.Render(new PageHead(view.Title, view.Text, view.HomePath, Index: false), view.TenantName, view.HomePath, body);
    }
}
