using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices;

public enum DeviceStatus { Active, Revoked }

public sealed record DeviceState(
    Guid DeviceId, string Name, DeviceProfile Profile, IReadOnlyList<DeviceSensor> Sensors, string Username, DeviceStatus Status);

/// <summary>A registered device: its state is a fold of its registry stream; decisions are pure.</summary>
public static class Device
{
    public abstract record Command;

    /// <summary><paramref name="Held"/>: the tenant's active devices now, which the plan limits.</summary>
    public sealed record Register(Guid DeviceId, string Name, DeviceProfile Profile, IReadOnlyList<DeviceSensor> Sensors, Plan Plan, long Held) : Command;

    public sealed record RotateCredentials : Command;

    public sealed record Revoke(string? Reason) : Command;

    /// <summary>The broker user name: the device id, unique across tenants and free of MQTT's reserved characters.</summary>
    public static string UsernameOf(Guid deviceId) => deviceId.ToString("D");

    public static DeviceState? Evolve(DeviceState? state, object @event) => (state, @event) switch
    {
        (null, DeviceRegistered r) => new DeviceState(r.DeviceId, r.Name, r.Profile, r.Sensors, r.Username, DeviceStatus.Active),
        ({ } s, DeviceCredentialsRotated) => s,
        ({ } s, DeviceRevoked) => s with { Status = DeviceStatus.Revoked },
        _ => state,
    };

    public static DeviceState? Fold(IEnumerable<object> events) => events.Aggregate((DeviceState?)null, Evolve);

    public static IReadOnlyList<object> Decide(DeviceState? state, Command command) => (state, command) switch
    {
        (null, Register r) => Registered(r),
        (null, _) => throw new NotFoundException("el dispositivo"),
        ({ Status: DeviceStatus.Revoked }, RotateCredentials or Revoke) =>
            throw new ConflictException("device-revoked", "El dispositivo está revocado; registra uno nuevo."),
        ({ } s, RotateCredentials) => [new DeviceCredentialsRotated(s.DeviceId)],
        ({ } s, Revoke r) => [new DeviceRevoked(s.DeviceId, string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim())],
        _ => throw new ConflictException("device-exists", "El dispositivo ya existe."),
    };

    private static object[] Registered(Register r)
    {
        r.Plan.EnsureRoom(PlanResources.Devices, r.Held);
        var sensors = r.Sensors.Count > 0 ? r.Sensors : DeviceProfiles.DefaultSensors(r.Profile);
        return [new DeviceRegistered(r.DeviceId, r.Name.Trim(), r.Profile, sensors, UsernameOf(r.DeviceId))];
    }
}
