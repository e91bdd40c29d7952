using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Platform.Api.Tests;

/// <summary>The real host, started in-process on a free port with configuration given as command-line arguments.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiHost(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static Task<ApiHost> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static async Task<ApiHost> StartAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services, params string[] settings)
    {
        string[] args = ["--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings];
        var app = PlatformApp.Build(args, services);
        await app.StartAsync();
        return new ApiHost(app);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<(HttpStatusCode Status, string? HealthStatus)> GetHealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("status").GetString());
    }

    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
