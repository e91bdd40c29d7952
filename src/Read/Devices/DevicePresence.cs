namespace Platform.Read.Devices;

/// <summary>
/// Online while the device's last status message said so (the broker publishes its will when the
/// connection drops) and something arrived in the last <see cref="OfflineAfterMinutes"/>; a device
/// that never sent a status message is online while its readings keep arriving.
/// </summary>
internal static class DevicePresence
{
    public const int OfflineAfterMinutes = 15;

    public const string Columns = """
        p.last_seen_at as LastSeenAt,
        (d.status = 'active' and coalesce(p.connected, true)
            and greatest(p.last_seen_at, p.connected_at) > now() - make_interval(mins => 15)) as Online
        """;

    public const string Join = "left join device_presence p on p.tenant_id = d.tenant_id and p.device_id = d.device_id";
}
