namespace Platform.Ingest.Telemetry;

/// <summary>
/// <c>tenants/{tenant}/devices/{device}/{kind}</c>, ids in their canonical form (lower-case, hyphenated):
/// the broker's ACL names that exact spelling, so no other spelling can reach the ingest from a device.
/// </summary>
public readonly record struct DeviceTopic(Guid TenantId, Guid DeviceId, string Kind)
{
    public const string Telemetry = "telemetry";
    public const string Status = "status";
    public const string Ack = "ack";

    public static bool TryParse(string topic, out DeviceTopic parsed)
    {
        parsed = default;
        var levels = topic.Split('/');
        if (levels is not ["tenants", var tenant, "devices", var device, var kind] || kind is not (Telemetry or Status)) return false;
        if (!Guid.TryParseExact(tenant, "D", out var tenantId) || tenant != tenantId.ToString("D")) return false;
        if (!Guid.TryParseExact(device, "D", out var deviceId) || device != deviceId.ToString("D")) return false;
        parsed = new DeviceTopic(tenantId, deviceId, kind);
        return true;
    }

    public static string Of(Guid tenantId, Guid deviceId, string kind) => $"tenants/{tenantId:D}/devices/{deviceId:D}/{kind}";
}
