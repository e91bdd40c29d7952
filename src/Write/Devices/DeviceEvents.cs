using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Write.Devices;

/// <summary>What a device measures: the sensor's name as the device sends it and its unit.</summary>
public sealed record DeviceSensor(string Name, string Unit);

/// <summary>A device joined the tenant. Its secret is never in an event: only the devices row holds its hash.</summary>
public sealed record DeviceRegistered(Guid DeviceId, string Name, DeviceProfile Profile, IReadOnlyList<DeviceSensor> Sensors, string Username);

/// <summary>The device got a new secret; the old one stopped working on the broker and over HTTP.</summary>
public sealed record DeviceCredentialsRotated(Guid DeviceId);

/// <summary>The device may no longer connect or send readings; its readings stay.</summary>
public sealed record DeviceRevoked(Guid DeviceId, string? Reason);

public static class DeviceEvents
{
    public const string RegisteredName = "devices.device-registered.v1";
    public const string CredentialsRotatedName = "devices.device-credentials-rotated.v1";
    public const string RevokedName = "devices.device-revoked.v1";

    /// <summary>The registry's stream of a device, apart from its readings' stream (<see cref="Readings.StreamId"/>).</summary>
    public static string RegistryStream(Guid deviceId) => $"device-registry-{deviceId:D}";

    public static EventTypeRegistry RegisterDevices(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<DeviceRegistered>(RegisteredName)
            .Register<DeviceCredentialsRotated>(CredentialsRotatedName)
            .Register<DeviceRevoked>(RevokedName)
            .RegisterReadings()
            .RegisterDeviceAlerts();
    }
}
