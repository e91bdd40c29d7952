namespace Platform.Write.Devices;

/// <summary>The topics a device uses: it publishes telemetry and status, and reads ack and cmd.</summary>
public sealed record DeviceTopics(string Telemetry, string Status, string Ack, string Command)
{
    public static string Base(Guid tenantId, Guid deviceId) => $"tenants/{tenantId:D}/devices/{deviceId:D}";

    public static DeviceTopics Of(Guid tenantId, Guid deviceId)
    {
        var root = Base(tenantId, deviceId);
        return new DeviceTopics($"{root}/telemetry", $"{root}/status", $"{root}/ack", $"{root}/cmd");
    }
}

/// <summary>
/// A device's credentials, answered once (registration, rotation): only the secret's hash is kept,
/// so a lost secret is replaced by rotating, never read back.
/// </summary>
public sealed record DeviceCredentials(Guid DeviceId, Guid TenantId, string Username, string Password, DeviceTopics Topics, long Version);
