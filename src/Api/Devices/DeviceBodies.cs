using Platform.Write.Devices;

namespace Platform.Api.Devices;

// Request bodies hold only what the caller may choose; the tenant comes from the principal.

internal sealed record RegisterDeviceBody(string? Name, DeviceProfile? Profile, IReadOnlyList<DeviceSensor>? Sensors);

internal sealed record RevokeDeviceBody(string? Reason);
