using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Append;

/// <summary>A command-sized event: a few fields, about 100 bytes of JSON, like most of the platform's events.</summary>
internal sealed record ItemNoted(long Seq, string Sku, decimal Amount, string Note);

internal static class BenchmarkEvents
{
    public const string ItemNotedName = "bench.item-noted.v1";

    public static EventMetadata Metadata { get; } =
        new("bench-user", Guid.Parse("0195c3a0-0000-7000-8000-00000000be9c"), null, "benchmark");

    public static EventTypeRegistry Registry() =>
        new EventTypeRegistry().Register<ItemNoted>(ItemNotedName).Register<ContactNoted>(PersonalAppendCase.ContactNotedName).RegisterReadings();

    public static ItemNoted Item(long seq) => new(seq, $"SKU-{seq % 977}", 19.90m + seq % 100, "noted by the append benchmark");

    public static string StreamId(int stream) => $"item-{stream}";
}
