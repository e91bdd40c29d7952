using System.Globalization;
using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Append;

/// <summary>
/// Readings of 200 devices interleaved as an ingest worker receives them (each device's seq
/// increasing), made once before timing, with each event's stream version for the raw side.
/// </summary>
internal sealed record DeviceReadings(BulkEvent[] Events, long[] Versions)
{
    private const int Devices = 200;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly EventMetadata Metadata = new(Source: "mqtt");

    public static DeviceReadings Create(Guid tenant, int count)
    {
        // A few shared value sets: the JSON varies like real readings without a dictionary per event.
        var values = Enumerable.Range(0, 64).Select(v => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>
        {
            ["temperature"] = 18 + v * 0.25m,
            ["humidity"] = 40 + v * 0.5m,
        }).ToArray();
        var deviceIds = Enumerable.Range(0, Devices).Select(d => "d" + d.ToString("D3", CultureInfo.InvariantCulture)).ToArray();

        var events = new BulkEvent[count];
        var versions = new long[count];
        for (var i = 0; i < count; i++)
        {
            // One boot, seq from 1, and empty tables at the start of a run: the version is the seq.
            var seq = (long)(i / Devices) + 1;
            var reading = new ReadingRecorded(deviceIds[i % Devices], 1, seq, Start.AddSeconds(seq), values[i % values.Length]);
            events[i] = Readings.ToBulkEvent(tenant, reading, Metadata);
            versions[i] = seq;
        }
        return new DeviceReadings(events, versions);
    }
}
