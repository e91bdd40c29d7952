using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Ingest.Broker;

namespace Platform.Ingest.Registry;

/// <summary>
/// Hears the registry's changes (NOTIFY platform_devices, sent at commit by register, rotate and
/// revoke): evicts the device from this process's cache and has the broker's files rewritten. After
/// a lost connection everything is evicted and rewritten, since notifications were missed; the files
/// are also rewritten every <see cref="MqttBrokerOptions.ResyncInterval"/> as a last resort.
/// </summary>
public sealed partial class RegistryListener(
    IServiceProvider services, BrokerProvisioning provisioning, IOptions<MqttBrokerOptions> options,
    ILogger<RegistryListener> logger) : BackgroundService
{
    public const string Channel = "platform_devices";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved when started, not built: the embedded cluster's data source exists only once it runs.
        var system = services.GetRequiredService<NpgsqlDataSource>();
        var directory = services.GetRequiredService<DeviceDirectory>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await system.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload.Split('/') is [_, var device] && Guid.TryParse(device, out var id)) directory.Invalidate(id);
                    provisioning.Request();
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                directory.InvalidateAll();
                provisioning.Request();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(options.Value.ResyncInterval, stoppingToken)) provisioning.Request();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
            {
                Lost(logger, error);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for registry changes failed; reconnecting")]
    private static partial void Lost(ILogger logger, Exception error);
}
