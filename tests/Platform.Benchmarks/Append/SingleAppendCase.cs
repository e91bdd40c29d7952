using Npgsql;
using NpgsqlTypes;
using Platform.Benchmarks.Common;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Append;

/// <summary>
/// single-1w and single-8w: one event per append, as command handlers write, to 1,000 streams
/// with the exact expected version. Stream s belongs to writer s % writers, so the raw side's
/// client-side versions never collide and ours never sees a concurrency error.
/// </summary>
internal static class SingleAppendCase
{
    private const int Streams = 1_000;
    private const double Target = 0.9;

    public static Comparison Create(string name, int writers, int events, AppendDatabase db)
    {
        if (Streams % writers != 0) throw new ArgumentOutOfRangeException(nameof(writers), writers, "Must divide the stream count.");
        return new Comparison(name, Target, events, Unit: writers, (side, count, ct) => RunAsync(db, side, writers, count, ct));
    }

    private static Task RunAsync(AppendDatabase db, Side side, int writers, int count, CancellationToken ct)
    {
        // One slot per stream, and each stream has one writer: no two tasks share a slot.
        var versions = new long[Streams];
        return Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            () => WriteAsync(db, side, writer, writers, count, versions, ct), ct)));
    }

    // Event i goes to stream i % Streams, whose writer is i % writers because writers divides Streams.
    private static async Task WriteAsync(
        AppendDatabase db, Side side, int writer, int writers, int count, long[] versions, CancellationToken ct)
    {
        for (var i = writer; i < count; i += writers)
        {
            var stream = i % Streams;
            var version = versions[stream];
            if (side == Side.Ours) await AppendOursAsync(db, stream, version, i, ct);
            else await InsertRawAsync(db, stream, version, i, ct);
            versions[stream] = version + 1;
        }
    }

    private static async Task AppendOursAsync(AppendDatabase db, int stream, long version, long seq, CancellationToken ct)
    {
        var result = await db.Store.AppendAsync(
            db.Tenant, BenchmarkEvents.StreamId(stream), ExpectedVersion.Exact(version),
            NewEvent.Create(BenchmarkEvents.Item(seq), BenchmarkEvents.Metadata), ct);
        if (result.StreamVersion != version + 1) throw new InvalidOperationException($"Stream {stream} is at {result.StreamVersion}, not {version + 1}.");
    }

    // Serializes like the store does, so both sides pay for the same JSON.
    private static async Task InsertRawAsync(AppendDatabase db, int stream, long version, long seq, CancellationToken ct)
    {
        await using var command = db.Raw.CreateCommand(RawSql.InsertOne);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter { Value = db.Tenant, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = BenchmarkEvents.StreamId(stream), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = version + 1, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = BenchmarkEvents.ItemNotedName, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = EventSerializer.Serialize(BenchmarkEvents.Item(seq)), NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = EventSerializer.SerializeMetadata(BenchmarkEvents.Metadata), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }
}
