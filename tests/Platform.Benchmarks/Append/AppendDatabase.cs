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

    private AppendDatabase(NpgsqlDataSource ours, NpgsqlDataSource raw, NpgsqlDataSource admin, bool fromEmpty)
    {
        this.fromEmpty = fromEmpty;
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

    public static async Task<AppendDatabase> CreateAsync(string connectionString, bool fromEmpty, CancellationToken ct)
    {
        var database = new AppendDatabase(
            PlatformDataSource.Create(connectionString),
            PlatformDataSource.Create(connectionString),
            NpgsqlDataSource.Create(connectionString),
            fromEmpty);
        try
        {
            await EventStoreSchema.MigrateAsync(database.Admin, ct);
            await TenancySchema.MigrateAsync(database.Admin, ct);
            await PrivacySchema.MigrateAsync(database.Admin, ct);
            await database.ExecuteAsync(RawSql.CreateTable, ct);
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
        await ExecuteAsync("truncate events, raw_events, subject_keys restart identity", ct);
        Keys.Clear();
        if (!fromEmpty) await ExecuteAsync(SeedHistory.Sql, ct);
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
        await Notifier.DisposeAsync();
        await Ours.DisposeAsync();
        await Raw.DisposeAsync();
        await Admin.DisposeAsync();
    }
}
