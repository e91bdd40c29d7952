using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Platform.Api;

namespace Platform.Benchmarks.Ingest;

/// <summary>A device as the registry answered its registration: ids, broker credentials, topics.</summary>
internal sealed record BenchAccount(Guid TenantId, Guid DeviceId, string Username, string Password, string Telemetry, string Ack);

/// <summary>
/// The Api host as deployed in embedded mode, in this process, on the benchmark's database: its own
/// mosquitto (private port and folder, accounts written from the registry) and the ingest worker on
/// the shared subscription. The projection daemon is off, so the figures are the ingest's alone.
/// </summary>
internal sealed class IngestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private IngestHost(WebApplication app, int brokerPort, string ingestPassword, string folder, string postgresDataDirectory)
    {
        PostgresDataDirectory = postgresDataDirectory;
        BrokerPidFile = Path.Combine(folder, "mosquitto", Platform.Ingest.Broker.MosquittoConfig.PidFileName);
        this.app = app;
        BrokerPort = brokerPort;
        IngestPassword = ingestPassword;
        BrokerLog = Path.Combine(folder, "mosquitto", "mosquitto.log");
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public const string BrokerHost = "127.0.0.1";
    public const string IngestUsername = "ingest";

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public int BrokerPort { get; }

    public string IngestPassword { get; }

    public string BrokerLog { get; }

    public string BrokerPidFile { get; }

    public string PostgresDataDirectory { get; }

    /// <param name="folder">Where the broker keeps its files; deleted by the caller after disposal.</param>
    public static async Task<IngestHost> StartAsync(string connectionString, string postgresDataDirectory, string folder, CancellationToken ct)
    {
        var port = FreePort();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var app = PlatformApp.Build(
        [
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error", $"--ConnectionStrings:Platform={connectionString}",
            "--Platform:Projections:RunDaemon=false", $"--Platform:DataDirectory={folder}", "--Platform:Mqtt:Embedded=true",
            $"--Platform:Mqtt:Host={BrokerHost}", string.Create(CultureInfo.InvariantCulture, $"--Platform:Mqtt:Port={port}"),
            $"--Platform:Mqtt:Username={IngestUsername}", $"--Platform:Mqtt:Password={password}",
            "--Platform:RateLimits:AnonymousPerMinute=0", "--Platform:RateLimits:PerUserPerMinute=0", "--Platform:RateLimits:PerTenantPerMinute=0",
        ]);
        await app.StartAsync(ct);
        return new IngestHost(app, port, password, folder, postgresDataDirectory);
    }

    /// <summary>Signs a tenant up through the API and moves it to the plan without a device limit; answers the owner's token.</summary>
    public async Task<string> RegisterTenantAsync(string slug, CancellationToken ct)
    {
        var body = new Dictionary<string, string>
        {
            ["name"] = "Frigoríficos del Valle", ["slug"] = slug, ["country"] = "CO", ["timeZone"] = "America/Bogota", ["currency"] = "COP",
            ["industry"] = "retail", ["displayName"] = "Jefe de planta", ["email"] = $"planta@{slug}.example.test", ["password"] = "benchmark-password-1",
        };
        var json = await SendAsync(HttpMethod.Post, "/api/auth/register", body, null, HttpStatusCode.Created, ct);
        var token = json.GetProperty("tokens").GetProperty("accessToken").GetString()!;
        await SendAsync(HttpMethod.Put, "/api/tenant/plan", new { plan = "enterprise" }, token, HttpStatusCode.NoContent, ct);
        return token;
    }

    /// <summary>Registers fridges through the API, as an owner would; the registry's listener writes their broker accounts.</summary>
    public async Task<IReadOnlyList<BenchAccount>> RegisterDevicesAsync(string token, int count, CancellationToken ct)
    {
        var devices = new List<BenchAccount>(count);
        for (var i = 0; i < count; i++)
        {
            var json = await SendAsync(HttpMethod.Post, "/api/devices", new { name = $"Cuarto frío {i + 1:D3}", profile = "fridge-temperature" },
                token, HttpStatusCode.Created, ct);
            var topics = json.GetProperty("topics");
            devices.Add(new BenchAccount(json.GetProperty("tenantId").GetGuid(), json.GetProperty("deviceId").GetGuid(),
                json.GetProperty("username").GetString()!, json.GetProperty("password").GetString()!,
                topics.GetProperty("telemetry").GetString()!, topics.GetProperty("ack").GetString()!));
        }
        return devices;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, string? token, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await Client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
