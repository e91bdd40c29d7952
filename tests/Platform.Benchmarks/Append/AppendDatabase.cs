using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Benchmarks.Common;
using System.Security.Cryptography;
using Platform.Write.EventStore;
using Platform.Write.Privacy;
using Platform.Write.Storage;
using Platform.Write.Tenancy;

namespace Platform.Benchmarks.Append;

/// <summary>
/// The store's parts wired by hand over one migrated database, the raw baseline's table beside
/// events, and a separate pool for each: ours, raw, and admin work that is never timed.
/// </summary>
internal sealed class AppendDatabase : IBenchmarkTables, IAsyncDisposable
{
    private readonly bool fromEmpty;
    private readonly string chain;

    private AppendDatabase(NpgsqlDataSource ours, NpgsqlDataSource raw, NpgsqlDataSource admin, bool fromEmpty, string chain)
    {
        this.fromEmpty = fromEmpty;
        this.chain = chain;
        Ours = ours;
        Raw = raw;
        Admin = admin;
        var options = new EventStoreOptions();
        var serializer = new EventSerializer(BenchmarkEvents.Registry());
        Notifier = new EventNotifier(ours, options, NullLogger<EventNotifier>.Instance);
        Store = new EventStore(ours, serializer, Notifier, options);
        Bulk = new BulkAppender(ours, serializer, Notifier, options);
        var keyring = new SubjectKeyring(ours, new MasterKeyWrapper(RandomNumberGenerator.GetBytes(32)), Keys);
        SealedStore = new EventStore(ours, new EventSerializer(BenchmarkEvents.Registry(), new PersonalDataProtector(keyring)), Notifier, options);
    }

    /// <summary>The store with a key ring, for events with personal data.</summary>
    public EventStore SealedStore { get; }

    /// <summary>Forgotten at every reset, like the keys table, so each run makes its subjects' keys again.</summary>
    public SubjectKeyCache Keys { get; } = new(TimeProvider.System);

    public NpgsqlDataSource Ours { get; }

    /// <summary>Same connection settings as ours, automatic preparation included.</summary>
    public NpgsqlDataSource Raw { get; }

    public NpgsqlDataSource Admin { get; }

    public EventNotifier Notifier { get; }

    public EventStore Store { get; }

    public BulkAppender Bulk { get; }

    /// <summary>A reset leaves this tenant without events, so one tenant serves every run; new to the statistics, as a tenant that just signed up.</summary>
    public Guid Tenant { get; } = Guid.CreateVersion7();

    /// <summary>Rows a reset table already holds (the seeded history), which a run's count leaves out.</summary>
    private long Baseline => fromEmpty ? 0 : SeedHistory.Events;

    /// <summary>The chain sealer beside the writers (<c>--chain sealer</c>), else null.</summary>
    public SealerLoop? Sealer { get; private set; }

    public static async Task<AppendDatabase> CreateAsync(string connectionString, bool fromEmpty, CancellationToken ct, string chain = "none")
    {
        var database = new AppendDatabase(
            PlatformDataSource.Create(connectionString),
            PlatformDataSource.Create(connectionString),
            NpgsqlDataSource.Create(connectionString),
            fromEmpty, chain);
        try
        {
            await EventStoreSchema.MigrateAsync(database.Admin, ct);
            await TenancySchema.MigrateAsync(database.Admin, ct);
            await PrivacySchema.MigrateAsync(database.Admin, ct);
            await database.ExecuteAsync(RawSql.CreateTable, ct);
            if (chain == "append") await database.ExecuteAsync(ChainAtAppend.InstallSql, ct);
            if (chain == "sealer") database.Sealer = new SealerLoop(NpgsqlDataSource.Create(connectionString));
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        using var paused = Sealer is null ? null : await Sealer.PauseAsync(ct);
        await ExecuteAsync(chain == "append"
            ? "truncate events, raw_events, subject_keys, event_chain, event_chain_heads, event_chain_sealer, bench_chain_tips restart identity"
            : "truncate events, raw_events, subject_keys, event_chain, event_chain_heads, event_chain_sealer restart identity", ct);
        Keys.Clear();
        if (!fromEmpty) await ExecuteAsync(SeedHistory.Sql, ct);
        // The seeded history counts as sealed long ago: the sealer works on what the run appends.
        if (chain == "sealer")
            await ExecuteAsync("insert into event_chain_sealer (id, transaction_id, position) select 1, transaction_id, position from events order by transaction_id desc, position desc limit 1 on conflict (id) do update set transaction_id = excluded.transaction_id, position = excluded.position", ct);
        // Each run then starts with a clean buffer pool and pays the same full-page writes after
        // the checkpoint, instead of whichever side a timed checkpoint happens to land on.
        await ExecuteAsync("checkpoint", ct);
    }

    public async Task<long> CountAsync(Side side, CancellationToken ct)
    {
        await using var command = Admin.CreateCommand(side == Side.Ours ? "select count(*) from events" : "select count(*) from raw_events");
        return (long)(await command.ExecuteScalarAsync(ct))! - Baseline;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Sealer is not null) await Sealer.DisposeAsync();
        await Notifier.DisposeAsync();
        await Ours.DisposeAsync();
        await Raw.DisposeAsync();
        await Admin.DisposeAsync();
    }
}
