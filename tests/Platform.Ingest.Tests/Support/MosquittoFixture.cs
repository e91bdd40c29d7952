namespace Platform.Ingest.Tests.Support;

/// <summary>One broker for a test class (<c>IClassFixture&lt;MosquittoFixture&gt;</c>), with a user for the credential tests.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    public static readonly MosquittoUser Ingest = new("ingest", "s3cret-ingest");

    private MosquittoBroker? broker;

    public MosquittoBroker Broker => broker ?? throw new InvalidOperationException("MosquittoFixture is used before xunit initialised it.");

    public async Task InitializeAsync() => broker = await MosquittoBroker.StartAsync(new MosquittoSettings { Users = [Ingest] });

    public async Task DisposeAsync()
    {
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }
    }
}
