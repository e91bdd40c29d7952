using MediatR;
using Npgsql;
using Platform.Write.Devices;

namespace Platform.Api.Demo;

/// <summary>A device of the demo tenant: what it is and how the simulator makes its readings.</summary>
internal sealed record DemoDevice(Guid DeviceId, string Name, DeviceProfile Profile);

/// <summary>
/// The demo tenant's devices, registered through the real command once (a restart finds them by
/// name): a butcher's fridge, a garden's soil moisture sensor with its irrigation relay, a door.
/// </summary>
internal static class DemoDevices
{
    public static readonly (string Name, DeviceProfile Profile)[] Catalog =
    [
        ("Nevera de la carnicería", DeviceProfile.FridgeTemperature),
        ("Humedad del suelo de la huerta", DeviceProfile.SoilMoisture),
        ("Puerta de la bodega", DeviceProfile.Door),
    ];

    public static async Task<IReadOnlyList<DemoDevice>> EnsureAsync(IMediator owner, NpgsqlDataSource system, Guid tenantId, CancellationToken ct)
    {
        var existing = await ExistingAsync(system, tenantId, ct);
        var devices = new List<DemoDevice>();
        foreach (var (name, profile) in Catalog)
        {
            if (!existing.TryGetValue(name, out var id))
                id = (await owner.Send(new RegisterDevice(name, profile, null), ct)).DeviceId;
            devices.Add(new DemoDevice(id, name, profile));
        }
        return devices;
    }

    private static async Task<Dictionary<string, Guid>> ExistingAsync(NpgsqlDataSource system, Guid tenantId, CancellationToken ct)
    {
        await using var command = system.CreateCommand(
            "select name, device_id from devices where tenant_id = $1 and status = 'active' order by created_at");
        command.Parameters.Add(new() { Value = tenantId });
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.TryAdd(reader.GetString(0), reader.GetGuid(1));
        return found;
    }
}
