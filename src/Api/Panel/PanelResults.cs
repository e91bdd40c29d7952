using Platform.Api.Public;

namespace Platform.Api.Panel;

/// <summary>Staff pages as HTTP answers: HTML under the panel's policy, never stored (they hold a business's figures).</summary>
internal sealed class PanelPage(Markup page, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = PanelLayout.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        await response.WriteAsync(page.Value, httpContext.RequestAborted);
    }
}

/// <summary>303 to another panel page: after a form, reloading the next page sends nothing again.</summary>
internal sealed class PanelRedirect(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        httpContext.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}

internal static class PanelMessages
{
    public static IResult Page(int status, string title, string text, string? signOut = null) => new PanelPage(PanelLayout.Render(title, Html.Of($"""
        <section class="notice" role="status">
        <h1>{title}</h1>
        <p>{text}</p>
        </section>
        """), signOut), status);

    public static IResult Forbidden(string? signOut) => Page(StatusCodes.Status403Forbidden, "Acceso restringido",
        "Tu rol no permite ver la analítica de ventas. Pídele acceso a quien administra la cuenta.", signOut);
}
