using MediatR;
using Microsoft.Extensions.Options;
using Platform.Ingest.Broker;
using Platform.Write.Devices;
using Platform.Write.Tenancy;

namespace Platform.Api.Demo;

/// <summary>The demo tenant's devices, handed over by the seeder once they are registered.</summary>
internal sealed class DemoDeviceFleet
{
    private readonly TaskCompletionSource<(Guid TenantId, Guid OwnerId, IReadOnlyList<DemoDevice> Devices)> ready =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<(Guid TenantId, Guid OwnerId, IReadOnlyList<DemoDevice> Devices)> Ready => ready.Task;

    public void Start(Guid tenantId, Guid ownerId, IReadOnlyList<DemoDevice> devices) => ready.TrySetResult((tenantId, ownerId, devices));
}

/// <summary>
/// Platform:Demo:Devices=true (run.sh sets it): the demo devices publish readings to the broker, as
/// real ones would. Their secrets were shown once at registration and are kept nowhere, so each start
/// rotates them and keeps the new ones in memory only.
/// </summary>
internal sealed partial class DemoDeviceSimulator(
    IServiceProvider services, DemoDeviceFleet fleet, IOptions<MqttBrokerOptions> broker, DemoOptions options, TimeProvider time,
    ILogger<DemoDeviceSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (tenantId, ownerId, devices) = await fleet.Ready.WaitAsync(stoppingToken);
        try
        {
            var running = new List<Task>();
            foreach (var device in devices)
            {
                var credentials = await RotateAsync(tenantId, ownerId, device.DeviceId, stoppingToken);
                var simulated = new SimulatedDevice(device, credentials, broker.Value.Host, broker.Value.Port, options.DeviceInterval, time, logger);
                running.Add(simulated.RunAsync(stoppingToken));
            }
            Publishing(logger, devices.Count, broker.Value.Host, broker.Value.Port, options.DeviceInterval);
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // The demo is a convenience: the platform keeps serving without it.
            SimulationFailed(logger, error);
        }
    }

    private async Task<DeviceCredentials> RotateAsync(Guid tenantId, Guid ownerId, Guid deviceId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CommandContext>().SignIn(tenantId, ownerId, Roles.Owner, null);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RotateDeviceCredentials(deviceId), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} demo devices publish to {Host}:{Port} every {Interval}")]
    private static partial void Publishing(ILogger logger, int count, string host, int port, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo devices stopped")]
    private static partial void SimulationFailed(ILogger logger, Exception error);
}
