using System.Net;
using System.Net.Sockets;
using Platform.Testing;
using Platform.Write.Storage;

namespace Platform.Api.Tests.Hosting;

/// <summary>Without a connection string the host runs, and stops, its own PostgreSQL cluster.</summary>
public sealed class EmbeddedHostTests : IAsyncLifetime
{
    private readonly string directory = TestDirectories.Create();
    private readonly int port = ApiHost.FreePort();

    private string DataDirectory => Path.Combine(directory, "postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDirectories.DeleteAsync(directory);

    [Fact]
    public async Task Host_runs_its_own_cluster_and_stops_it_with_the_host()
    {
        await using (var host = await StartEmbeddedAsync())
        {
            var (status, health) = await host.GetHealthAsync();
            status.Should().Be(HttpStatusCode.OK);
            health.Should().Be("Healthy");
            File.Exists(Path.Combine(DataDirectory, "postmaster.pid")).Should().BeTrue();

            await host.StopAsync();
        }

        File.Exists(Path.Combine(DataDirectory, "postmaster.pid")).Should().BeFalse();
        await FluentActions.Awaiting(ConnectToClusterPortAsync).Should().ThrowAsync<SocketException>();
    }

    [Fact]
    public async Task Health_is_unavailable_when_the_database_stops()
    {
        await using var host = await StartEmbeddedAsync();

        await LocalPostgres.StopRunningAsync(DataDirectory, immediate: true);
        var (status, health) = await host.GetHealthAsync();

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Should().Be("Unhealthy");
    }

    private Task<ApiHost> StartEmbeddedAsync() =>
        ApiHost.StartAsync(
            // Empty, so a ConnectionStrings__Platform in the environment cannot turn embedded mode off.
            "--ConnectionStrings:Platform=",
            $"--Platform:DataDirectory={directory}",
            $"--Platform:EmbeddedPort={port}");

    private async Task ConnectToClusterPortAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
    }
}
