using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

/// <summary>Appends inside a transaction that wrote first (a reactor's): locked, read, appended at the exact version, or nothing.</summary>
public sealed class ReactorAppendTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task A_transaction_that_already_wrote_reads_and_appends_at_the_streams_version()
    {
        await Db.Store.AppendAsync(Tenant, "counter-1", ExpectedVersion.NoStream, TestEvents.Increments(2));
        var reactor = new ReactorAppend(Db.Serializer, Db.Notifier, Db.Options);
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var write = new Npgsql.NpgsqlCommand("create temporary table written (x int) on commit drop; insert into written values (1)", connection, transaction))
            await write.ExecuteNonQueryAsync();

        var (events, version) = await reactor.LockAndReadAsync(connection, transaction, Tenant, "counter-1", default);
        var stale = () => reactor.AppendAsync(connection, transaction, Tenant, "counter-1", 1, [TestEvents.Increment(5)], default);
        await stale.Should().ThrowAsync<WrongExpectedVersionException>();
        await transaction.RollbackAsync();

        events.Should().Equal(new CounterIncremented(1), new CounterIncremented(2));
        version.Should().Be(2);
        (await CountTenantEventsAsync()).Should().Be(2, "a failed append writes nothing");
    }

    [Fact]
    public async Task The_append_commits_with_the_transaction()
    {
        var reactor = new ReactorAppend(Db.Serializer, Db.Notifier, Db.Options);
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var write = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", connection, transaction))
            await write.ExecuteScalarAsync();

        var (_, version) = await reactor.LockAndReadAsync(connection, transaction, Tenant, "counter-2", default);
        var result = await reactor.AppendAsync(connection, transaction, Tenant, "counter-2", version, TestEvents.Increments(3), default);
        await transaction.CommitAsync();

        result.StreamVersion.Should().Be(3);
        (await ReadTenantEventuallyAsync(3)).Select(e => e.Version).Should().Equal(1, 2, 3);
    }
}
