using Platform.Write.Devices;

namespace Platform.Api.Demo;

/// <summary>
/// Plausible readings for a demo device, sample after sample. The fridge holds about 3.5 °C and,
/// every <see cref="ExcursionEvery"/> samples, has its door left open and warms past 5 °C for a few
/// samples, so a temperature rule has something to raise; the soil dries and is watered by its
/// relay; the door opens now and then.
/// </summary>
internal sealed class DemoSensorModel(DeviceProfile profile, int seed)
{
    public const int ExcursionEvery = 60;
    private const int ExcursionLength = 8;
    private readonly Random random = new(seed);
    private long sample;
    private decimal moisture = 55m;
    private bool watering;
    private bool doorOpen;

    public IReadOnlyList<(string Sensor, decimal Value, string Unit)> Next()
    {
        sample++;
        return profile switch
        {
            DeviceProfile.FridgeTemperature => Fridge(),
            DeviceProfile.SoilMoisture => Soil(),
            _ => Door(),
        };
    }

    private (string, decimal, string)[] Fridge()
    {
        // Counted from sample 5 so an excursion shows within the first minutes of a demo.
        var phase = (sample + ExcursionEvery - 5) % ExcursionEvery;
        var open = phase < ExcursionLength / 2;
        var warmth = phase < ExcursionLength ? 1.2m * Math.Min(phase + 1, ExcursionLength - phase) : 0m;
        var temperature = 3.5m + warmth + Noise(0.3m);
        return [("temperature", Math.Round(temperature, 2), "C"), ("door", open ? 1 : 0, "state")];
    }

    private (string, decimal, string)[] Soil()
    {
        if (moisture < 32m) watering = true;
        if (moisture > 68m) watering = false;
        moisture += watering ? 3m + Noise(0.5m) : -0.4m + Noise(0.2m);
        return [("moisture", Math.Round(moisture, 1), "%"), ("relay", watering ? 1 : 0, "state")];
    }

    private (string, decimal, string)[] Door()
    {
        if (random.NextDouble() < (doorOpen ? 0.5 : 0.08)) doorOpen = !doorOpen;
        return [("door", doorOpen ? 1 : 0, "state")];
    }

    private decimal Noise(decimal amplitude) => amplitude * (decimal)(random.NextDouble() * 2 - 1);
}
