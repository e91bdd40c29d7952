using Npgsql;
using NpgsqlTypes;
using Platform.Benchmarks.Common;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Append;

/// <summary>
/// batch100: appends of 100 events to one stream, round-robin over 100 streams, by one writer;
/// the baseline is one 100-row INSERT (unnest of arrays) per transaction.
/// </summary>
internal static class BatchAppendCase
{
    private const int EventsPerAppend = 100;
    private const int Streams = 100;
    private const double Target = 0.8;

    public static Comparison Create(int events, AppendDatabase db) =>
        new("batch100", Target, events, EventsPerAppend, (side, count, ct) => RunAsync(db, side, count, ct));

    private static async Task RunAsync(AppendDatabase db, Side side, int count, CancellationToken ct)
    {
        var versions = new long[Streams];
        for (var append = 0; append < count / EventsPerAppend; append++)
        {
            var stream = append % Streams;
            var firstSeq = (long)append * EventsPerAppend;
            if (side == Side.Ours) await AppendOursAsync(db, stream, versions[stream], firstSeq, ct);
            else await InsertRawAsync(db, stream, versions[stream], firstSeq, ct);
            versions[stream] += EventsPerAppend;
        }
    }

    private static async Task AppendOursAsync(AppendDatabase db, int stream, long version, long firstSeq, CancellationToken ct)
    {
        var events = new NewEvent[EventsPerAppend];
        for (var i = 0; i < events.Length; i++)
            events[i] = NewEvent.Create(BenchmarkEvents.Item(firstSeq + i), BenchmarkEvents.Metadata);
        var result = await db.Store.AppendAsync(db.Tenant, BenchmarkEvents.StreamId(stream), ExpectedVersion.Exact(version), events, ct);
        if (result.StreamVersion != version + EventsPerAppend) throw new InvalidOperationException($"Stream {stream} is at {result.StreamVersion}.");
    }

    private static async Task InsertRawAsync(AppendDatabase db, int stream, long version, long firstSeq, CancellationToken ct)
    {
        var ids = new Guid[EventsPerAppend];
        var types = new string[EventsPerAppend];
        var data = new string[EventsPerAppend];
        var metadata = new string[EventsPerAppend];
        for (var i = 0; i < EventsPerAppend; i++)
        {
            ids[i] = Guid.CreateVersion7();
            types[i] = BenchmarkEvents.ItemNotedName;
            data[i] = EventSerializer.Serialize(BenchmarkEvents.Item(firstSeq + i));
            metadata[i] = EventSerializer.SerializeMetadata(BenchmarkEvents.Metadata);
        }

        await using var command = db.Raw.CreateCommand(RawSql.InsertMany);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter { Value = db.Tenant, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = BenchmarkEvents.StreamId(stream), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }
}
