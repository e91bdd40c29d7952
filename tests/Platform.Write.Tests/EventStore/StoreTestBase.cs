using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

/// <summary>A migrated store over the test class's own database; each test uses a fresh tenant.</summary>
public abstract class StoreTestBase(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    protected TestStore Db { get; private set; } = null!;
    protected string ConnectionString { get; } = database.ConnectionString;
    protected Guid Tenant { get; } = Guid.CreateVersion7();

    public async Task InitializeAsync() => Db = await TestStore.CreateAsync(ConnectionString);

    public async Task DisposeAsync() => await Db.DisposeAsync();

    /// <summary>
    /// The tenant's history once at least <paramref name="count"/> events pass the fence. The fence
    /// is cluster-wide: a transaction of another test class running at that instant holds it back.
    /// </summary>
    protected async Task<List<RecordedEvent>> ReadTenantEventuallyAsync(int count, Guid? tenant = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var events = new List<RecordedEvent>();
            var page = await Db.Reader.ReadTenantAsync(tenant ?? Tenant, Checkpoint.Start, 10_000);
            for (; page.Events.Count > 0; page = await Db.Reader.ReadTenantAsync(tenant ?? Tenant, page.Next, 10_000))
                events.AddRange(page.Events);
            if (events.Count >= count || DateTime.UtcNow > deadline) return events;
            await Task.Delay(20);
        }
    }

    protected Task<long> CountTenantEventsAsync(Guid? tenant = null) =>
        Db.CountAsync($"tenant_id = '{tenant ?? Tenant}'");
}
