namespace Platform.Write.Devices;

public enum DeviceProfile { FridgeTemperature, Humidity, SoilMoisture, Door, RfidReader, PowerMeter, Custom }

/// <summary>The sensors a profile starts with, named as the firmware sends them; a custom device names its own.</summary>
public static class DeviceProfiles
{
    public static IReadOnlyList<DeviceSensor> DefaultSensors(DeviceProfile profile) => profile switch
    {
        DeviceProfile.FridgeTemperature => [new("temperature", "C"), new("door", "state")],
        DeviceProfile.Humidity => [new("temperature", "C"), new("humidity", "%RH")],
        DeviceProfile.SoilMoisture => [new("moisture", "%"), new("relay", "state")],
        DeviceProfile.Door => [new("door", "state")],
        DeviceProfile.RfidReader => [new("card", "uid")],
        DeviceProfile.PowerMeter => [new("power", "W"), new("energy", "kWh")],
        _ => [],
    };
}
