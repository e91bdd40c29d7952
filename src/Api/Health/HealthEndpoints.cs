using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Health;

internal static class HealthEndpoints
{
    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Platform:Health:Projections").Get<ProjectionHealthOptions>() ?? new());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ProjectionsHealthCheck>("projections", failureStatus: HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>GET /health: 200 when every check is healthy, 503 otherwise, with each check's result as JSON.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Degraded (lagging read models) still answers 200: the platform serves, a monitor reads the status.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        return app;
    }

    // Descriptions only: exception details stay in the log, not in an unauthenticated response.
    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new HealthResponse(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            [.. report.Entries.Select(e => new HealthCheckResponse(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds))]));

    private sealed record HealthResponse(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckResponse> Checks);

    private sealed record HealthCheckResponse(string Name, string Status, string? Description, double DurationMs);
}
