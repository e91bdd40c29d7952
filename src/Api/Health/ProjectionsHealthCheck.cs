using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Projections.Daemon;

namespace Platform.Api.Health;

public sealed class ProjectionHealthOptions
{
    /// <summary>Degraded when a projection has more events than this still to apply.</summary>
    public long MaxLagEvents { get; set; } = 5_000;

    /// <summary>Degraded when the oldest event a projection has not applied is older than this.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Degraded, not unhealthy: a lagging or faulted read model still serves (stale) reads.</summary>
internal sealed class ProjectionsHealthCheck(ProjectionStatusReader statuses, ProjectionHealthOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = await statuses.GetAsync(cancellationToken);
        var problems = all
            .Select(s => s.State == ProjectionState.Faulted ? $"{s.Id} faulted"
                : s.LagEvents > options.MaxLagEvents || s.LagSeconds > options.MaxLag.TotalSeconds
                    ? $"{s.Id} lags {s.LagEvents}{(s.LagEventsCapped ? "+" : "")} events, {s.LagSeconds:0.#} s"
                    : null)
            .OfType<string>()
            .ToList();
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{all.Count} projections up to date.")
            : HealthCheckResult.Degraded(string.Join("; ", problems));
    }
}
