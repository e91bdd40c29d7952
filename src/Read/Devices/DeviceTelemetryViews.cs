namespace Platform.Read.Devices;

/// <summary>
/// The read views the device-telemetry projection keeps and the telemetry queries read: the
/// contract between the two. Each is a view the projection daemon points at the serving generation.
/// </summary>
public static class DeviceTelemetryViews
{
    /// <summary>The latest value of each (device, sensor) by measurement time, keyed (tenant_id, device_id, sensor).</summary>
    public const string Latest = "device_latest";

    /// <summary>Per (device, sensor, UTC minute): min, max, sum and count of the values measured in it.</summary>
    public const string Minutes = "device_rollups_minute";

    /// <summary>Per (device, sensor, UTC hour): min, max, sum and count of the values measured in it.</summary>
    public const string Hours = "device_rollups_hour";

    /// <summary>The stored event types, apart from their Write-side names: Read knows tables, not events.</summary>
    public const string EventTypePrefix = "devices.";
}
