using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Ingest.Telemetry;

namespace Platform.Api.Devices;

/// <summary>
/// This process's ingest: broker connection, messages stored, duplicates, acks, and rejections by
/// reason. Degraded while the worker is not connected: readings wait at the broker and the devices.
/// </summary>
internal sealed class IngestHealthCheck(IngestCounters counters) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(counters.Connection == "connected"
            ? HealthCheckResult.Healthy(counters.ToString())
            : HealthCheckResult.Degraded(counters.ToString()));
}
