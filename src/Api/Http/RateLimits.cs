using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api.Auth;

namespace Platform.Api.Http;

/// <summary>
/// Per-user and per-tenant request budgets (token buckets refilled every second), and one per
/// client address for anonymous requests. Over budget: 429 with Retry-After, as problem+json.
/// Limits come from Platform:RateLimits; health checks are never limited.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Platform:RateLimits");
        var perUser = section.GetValue("PerUserPerMinute", 600);
        var perTenant = section.GetValue("PerTenantPerMinute", 3000);
        var anonymous = section.GetValue("AnonymousPerMinute", 300);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Bucket(UserKey(http), perUser)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Bucket(TenantKey(http), perTenant)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Bucket(AnonymousKey(http), anonymous)));
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string? key, int perMinute) => key is null || perMinute <= 0
        ? RateLimitPartition.GetNoLimiter("")
        : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60 / Math.Max(1, perMinute))),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool Exempt(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static string? UserKey(HttpContext http) =>
        Exempt(http) ? null : Signed(http)?.FindFirstValue(PlatformClaims.UserId) is { } user ? "user:" + user : null;

    private static string? TenantKey(HttpContext http) =>
        Exempt(http) ? null : Signed(http)?.FindFirstValue(PlatformClaims.TenantId) is { } tenant ? "tenant:" + tenant : null;

    private static string? AnonymousKey(HttpContext http) =>
        Exempt(http) || Signed(http) is not null ? null : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static ClaimsPrincipal? Signed(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = Problems.Status(429, "too-many-requests", $"Demasiadas solicitudes; intenta de nuevo en {seconds} s.");
        problem.Extensions["retryAfterSeconds"] = seconds;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
