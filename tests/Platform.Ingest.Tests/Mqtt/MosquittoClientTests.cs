using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>Tests of our client against the class's mosquitto; every client a test connects is disposed after it.</summary>
public abstract class MosquittoClientTests(MosquittoFixture fixture) : IClassFixture<MosquittoFixture>, IAsyncLifetime
{
    private readonly List<MqttClient> clients = [];

    protected MosquittoBroker Broker => fixture.Broker;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    protected Task<MqttClient> ConnectAsync(string clientId) => ConnectAsync(Broker.ClientOptions(clientId));

    protected async Task<MqttClient> ConnectAsync(MqttClientOptions options, ListLogger<MqttClient>? logger = null)
    {
        var client = new MqttClient(options, logger);
        clients.Add(client);
        await client.ConnectAsync();
        return client;
    }
}
