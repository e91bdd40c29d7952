using System.Net;
using Platform.Testing;

namespace Platform.Api.Tests.Health;

public sealed class HealthEndpointTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Health_is_ok_when_the_configured_database_answers()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        var (status, health) = await host.GetHealthAsync();

        status.Should().Be(HttpStatusCode.OK);
        health.Should().Be("Healthy");
    }

    [Fact]
    public async Task Start_up_migrates_the_configured_database()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        await using var command = database.DataSource.CreateCommand("select to_regclass('public.events') is not null");
        (await command.ExecuteScalarAsync()).Should().Be(true);
    }
}
