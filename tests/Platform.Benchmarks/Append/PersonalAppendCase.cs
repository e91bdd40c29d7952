using Npgsql;
using NpgsqlTypes;
using Platform.Benchmarks.Common;
using Platform.Write.EventStore;
using Platform.Write.Privacy;

namespace Platform.Benchmarks.Append;

/// <summary>A contact's details, as leads and customers will append them: two personal fields sealed per event.</summary>
internal sealed record ContactNoted([DataSubject] Guid ContactId, long Seq, [PersonalData] string Name, [PersonalData] string Email, string Note);

/// <summary>
/// single-1w-personal: single-1w with an event that holds personal data, one subject per stream
/// (its key made by the stream's first append, then cached). The raw side inserts the same event
/// in clear, so the ratio is the whole price of sealing: key creation, AES-GCM, the JSON rewrite.
/// </summary>
internal static class PersonalAppendCase
{
    public const string ContactNotedName = "bench.contact-noted.v1";
    private const int Streams = 1_000;
    private const double Target = 0.7;

    public static Comparison Create(int events, AppendDatabase db) =>
        new("single-1w-personal", Target, events, Unit: 1, (side, count, ct) => RunAsync(db, side, count, ct));

    public static ContactNoted Contact(long seq) =>
        new(Subject(seq % Streams), seq, $"Cliente {seq % 977}", $"cliente{seq % 977}@example.test", "noted by the append benchmark");

    private static Guid Subject(long stream) => new($"0195c3a0-0000-7000-8000-{stream:D12}");

    private static async Task RunAsync(AppendDatabase db, Side side, int count, CancellationToken ct)
    {
        var versions = new long[Streams];
        for (var i = 0; i < count; i++)
        {
            var stream = i % Streams;
            var stored = side == Side.Ours ? await AppendOursAsync(db, stream, versions[stream], i, ct) : await InsertRawAsync(db, stream, versions[stream], i, ct);
            versions[stream] = stored;
        }
    }

    private static async Task<long> AppendOursAsync(AppendDatabase db, int stream, long version, long seq, CancellationToken ct) =>
        (await db.SealedStore.AppendAsync(db.Tenant, BenchmarkEvents.StreamId(stream), ExpectedVersion.Exact(version),
            NewEvent.Create(Contact(seq), BenchmarkEvents.Metadata), ct)).StreamVersion;

    private static async Task<long> InsertRawAsync(AppendDatabase db, int stream, long version, long seq, CancellationToken ct)
    {
        await using var command = db.Raw.CreateCommand(RawSql.InsertOne);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter { Value = db.Tenant, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = BenchmarkEvents.StreamId(stream), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = version + 1, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = ContactNotedName, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = EventSerializer.Serialize(Contact(seq)), NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = EventSerializer.SerializeMetadata(BenchmarkEvents.Metadata), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
        return version + 1;
    }
}
