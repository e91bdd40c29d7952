using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Api.Public;

/// <summary>
/// Quote requests cost the dealer a sales call each, so one client address may send only a few in a
/// window (Platform:RateLimits:QuotesPerWindow, default 5 per QuoteWindowMinutes, default 10), far
/// stricter than the budget for browsing. The catalog page's form gets its answer as a page; the
/// API gets the usual problem+json.
/// </summary>
internal sealed class QuoteRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Policy = "quote-requests";

    private readonly int permits = Math.Max(1, configuration.GetValue("Platform:RateLimits:QuotesPerWindow", 5));
    private readonly TimeSpan window = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Platform:RateLimits:QuoteWindowMinutes", 10)));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var fallback = http.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.OnRejected;
            if (fallback is not null) await fallback(context, ct);
            return;
        }
        var minutes = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)) : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = (minutes * 60).ToString(CultureInfo.InvariantCulture);
        var page = MessagePage.Render(new MessageView(
            "Demasiadas solicitudes", $"Ya enviaste varias solicitudes desde esta conexión. Intenta de nuevo en {minutes} min.", null));
        await PageResults.WriteAsync(http, page, ct);
    }
}

internal static class QuoteRateLimitRegistration
{
    public static IServiceCollection AddQuoteRateLimit(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(options => options.AddPolicy(QuoteRateLimit.Policy, new QuoteRateLimit(configuration)));
}
