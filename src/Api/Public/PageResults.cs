namespace Platform.Api.Public;

/// <summary>A rendered page as an HTTP answer: HTML in UTF-8 under the pages' content security policy.</summary>
internal sealed class PageResult(Markup page, int status, string cacheControl) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.CacheControl = cacheControl;
        return PageResults.WriteAsync(httpContext, page, httpContext.RequestAborted);
    }
}

internal static class PageResults
{
    /// <summary>Catalog pages change when a listing does; a minute of caching spares the database without showing a sold car for long.</summary>
    public const string Cached = "public, max-age=60";
    public const string NotStored = "no-store";

    public static PageResult Ok(Markup page) => new(page, StatusCodes.Status200OK, Cached);

    /// <summary>Answers to a form (a confirmation, the form again with its errors): never cached, they hold what the buyer typed.</summary>
    public static PageResult Answer(Markup page, int status = StatusCodes.Status200OK) => new(page, status, NotStored);

    public static PageResult NotFound(Markup page) => new(page, StatusCodes.Status404NotFound, NotStored);

    public static async Task WriteAsync(HttpContext http, Markup page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = PageLayout.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        await http.Response.WriteAsync(page.Value, ct);
    }
}
