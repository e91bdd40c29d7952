using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Testing;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Privacy;
using Platform.Write.Storage;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Privacy;

/// <summary>The store's append and read paths over a real database, with a key ring.</summary>
public sealed class SealedStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly byte[] Master = RandomNumberGenerator.GetBytes(32);
    private readonly Guid tenant = Guid.CreateVersion7();
    private NpgsqlDataSource dataSource = null!;
    private EventNotifier notifier = null!;

    public async Task InitializeAsync()
    {
        dataSource = PlatformDataSource.Create(database.ConnectionString);
        await EventStoreSchema.MigrateAsync(dataSource);
        await TenancySchema.MigrateAsync(dataSource);
        await PrivacySchema.MigrateAsync(dataSource);
        notifier = new EventNotifier(dataSource, new EventStoreOptions(), NullLogger<EventNotifier>.Instance);
    }

    public async Task DisposeAsync()
    {
        await notifier.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    // Each call is a process of its own: its own cache.
    private EventSerializer Serializer(bool withKeys = true) => new(
        new EventTypeRegistry().RegisterCatalog(),
        withKeys ? new PersonalDataProtector(new SubjectKeyring(dataSource, new MasterKeyWrapper(Master), new SubjectKeyCache(TimeProvider.System))) : null);

    private static QuoteRequested Quote(Guid? id = null, string name = "Canario Pérez") =>
        new(id ?? Guid.CreateVersion7(), Guid.CreateVersion7(), "Toyota Hilux", name, "+57 300 555 0000", "canario@example.test", "¿Sigue disponible?", true, "public-api");

    private async Task<string> StoredAsync(Guid quoteId)
    {
        await using var command = dataSource.CreateCommand("select string_agg(data::text, '' order by version) from events where tenant_id = $1 and stream_id = $2");
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = CatalogEvents.QuoteStream(quoteId) });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<QuoteRequested> ReadAsync(EventSerializer serializer, Guid quoteId) =>
        (QuoteRequested)(await new EventReader(dataSource, serializer, new EventStoreOptions()).ReadStreamAsync(tenant, CatalogEvents.QuoteStream(quoteId)))[^1].Data!;

    [Fact]
    public async Task Personal_fields_are_stored_sealed_and_read_in_clear_while_other_fields_stay_plain()
    {
        var serializer = Serializer();
        var quote = Quote();
        await new Platform.Write.EventStore.EventStore(dataSource, serializer, notifier, new EventStoreOptions())
            .AppendAsync(tenant, CatalogEvents.QuoteStream(quote.QuoteId), ExpectedVersion.NoStream, NewEvent.Create(quote));

        var stored = await StoredAsync(quote.QuoteId);
        stored.Should().NotContain("Canario").And.NotContain("canario@").And.NotContain("555").And.Contain("Toyota Hilux").And.Contain("\"$pd\"");
        (await ReadAsync(serializer, quote.QuoteId)).Should().Be(quote);
        (await ReadAsync(Serializer(), quote.QuoteId)).Should().Be(quote, "another process opens it with the stored key");

        // The subject's key is cached now: the next append seals without the database, with the same key.
        var again = quote with { Message = "¿Y el precio final?" };
        await new Platform.Write.EventStore.EventStore(dataSource, serializer, notifier, new EventStoreOptions())
            .AppendAsync(tenant, CatalogEvents.QuoteStream(quote.QuoteId), ExpectedVersion.Exact(1), NewEvent.Create(again));
        (await StoredAsync(quote.QuoteId)).Should().NotContain("precio final");
        (await ReadAsync(Serializer(), quote.QuoteId)).Should().Be(again);
        await using var keys = dataSource.CreateCommand("select count(*) from subject_keys where tenant_id = $1");
        keys.Parameters.Add(new() { Value = tenant });
        (await keys.ExecuteScalarAsync()).Should().Be(1L);
    }

    [Fact]
    public async Task Bulk_and_batch_appends_seal_too()
    {
        var serializer = Serializer();
        var (a, b) = (Quote(), Quote());
        await new BulkAppender(dataSource, serializer, notifier, new EventStoreOptions())
            .AppendAsync([new BulkEvent(tenant, CatalogEvents.QuoteStream(a.QuoteId), Guid.CreateVersion7(), a)]);
        await new Platform.Write.EventStore.EventStore(dataSource, serializer, notifier, new EventStoreOptions())
            .AppendBatchAsync([new StreamAppend(tenant, CatalogEvents.QuoteStream(b.QuoteId), ExpectedVersion.NoStream, [NewEvent.Create(b)])]);

        (await StoredAsync(a.QuoteId) + await StoredAsync(b.QuoteId)).Should().NotContain("Canario");
        (await ReadAsync(Serializer(), a.QuoteId)).Should().Be(a);
        (await ReadAsync(Serializer(), b.QuoteId)).Should().Be(b);
    }

    [Fact]
    public async Task A_forgotten_subject_reads_as_erased_its_events_unchanged_and_stays_forgotten()
    {
        var serializer = Serializer();
        var store = new Platform.Write.EventStore.EventStore(dataSource, serializer, notifier, new EventStoreOptions());
        var quote = Quote();
        await store.AppendAsync(tenant, CatalogEvents.QuoteStream(quote.QuoteId), ExpectedVersion.NoStream, NewEvent.Create(quote));
        (await ReadAsync(serializer, quote.QuoteId)).Name.Should().Be("Canario Pérez");
        var before = await StoredAsync(quote.QuoteId);

        await using (var forget = dataSource.CreateCommand(
            "update subject_keys set wrapped_key = null, forgotten_at = now() where tenant_id = $1 and subject_id = $2"))
        {
            forget.Parameters.Add(new() { Value = tenant });
            forget.Parameters.Add(new() { Value = quote.QuoteId });
            (await forget.ExecuteNonQueryAsync()).Should().Be(1);
        }
        serializer.Privacy!.Keyring.Cache.Forget(tenant, [quote.QuoteId]);

        var erased = await ReadAsync(serializer, quote.QuoteId);
        erased.Should().Be(quote with { Name = "[borrado]", Phone = "[borrado]", Email = "[borrado]", Message = "[borrado]" });
        (await ReadAsync(Serializer(), quote.QuoteId)).Should().Be(erased);
        (await StoredAsync(quote.QuoteId)).Should().Be(before);

        await store.AppendAsync(tenant, CatalogEvents.QuoteStream(quote.QuoteId), ExpectedVersion.Any, NewEvent.Create(quote with { Name = "Otra Vez" }));
        (await StoredAsync(quote.QuoteId)).Should().NotContain("Otra Vez");
        (await ReadAsync(Serializer(), quote.QuoteId)).Name.Should().Be("[borrado]");
    }

    [Fact]
    public async Task Without_a_key_ring_personal_data_is_never_stored()
    {
        var quote = Quote();
        var append = () => new Platform.Write.EventStore.EventStore(dataSource, Serializer(withKeys: false), notifier, new EventStoreOptions())
            .AppendAsync(tenant, CatalogEvents.QuoteStream(quote.QuoteId), ExpectedVersion.NoStream, NewEvent.Create(quote));

        await append.Should().ThrowAsync<InvalidOperationException>();
        await using var count = dataSource.CreateCommand("select count(*) from events where tenant_id = $1");
        count.Parameters.Add(new() { Value = tenant });
        (await count.ExecuteScalarAsync()).Should().Be(0L);
    }
}
