using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Ingest.Broker;
using Platform.Ingest.Registry;
using Platform.Ingest.Telemetry;
using Platform.Ingest.Worker;

namespace Platform.Ingest;

public static class IngestServices
{
    /// <summary>
    /// The intake (always: the HTTP fallback uses it) and, as configured, the embedded broker, the
    /// broker's account files and the worker. Needs the system <see cref="Npgsql.NpgsqlDataSource"/> and the event store.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var broker = configuration.GetSection(MqttBrokerOptions.Section).Get<MqttBrokerOptions>() ?? new();
        var ingest = configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new();
        if (broker.Embedded) Embed(broker, configuration["Platform:DataDirectory"]);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(broker));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(ingest));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<AckMarks>();
        services.AddSingleton<ReadingIntake>();
        services.AddSingleton<BrokerReload>();
        services.AddSingleton<BrokerProvisioner>();
        services.AddSingleton<BrokerProvisioning>();

        var working = ingest.Enabled ?? broker.Embedded;
        if (broker.Embedded) services.AddHostedService<EmbeddedMosquitto>();
        if (working || !string.IsNullOrWhiteSpace(broker.ProvisioningDirectory))
        {
            services.AddHostedService(sp => sp.GetRequiredService<BrokerProvisioning>());
            services.AddHostedService<RegistryListener>();
        }
        if (working)
        {
            services.AddSingleton<IngestBatch>();
            services.AddSingleton<IngestStore>();
            services.AddSingleton<PresenceRecorder>();
            services.AddHostedService<IngestWorker>();
        }
        return services;
    }

    /// <summary>The embedded broker keeps its files, and the ingest's generated secret, under {DataDirectory}/mosquitto.</summary>
    private static void Embed(MqttBrokerOptions broker, string? dataDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(dataDirectory) ? ".data" : dataDirectory, "mosquitto"));
        broker.ProvisioningDirectory ??= folder;
        broker.PidFile ??= Path.Combine(broker.ProvisioningDirectory, MosquittoConfig.PidFileName);
        if (!string.IsNullOrEmpty(broker.Password)) return;
        Directory.CreateDirectory(broker.ProvisioningDirectory);
        var secretFile = Path.Combine(broker.ProvisioningDirectory, "ingest.secret");
        if (!File.Exists(secretFile))
        {
            File.WriteAllText(secretFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(secretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        broker.Password = File.ReadAllText(secretFile).Trim();
    }
}
