using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Demo;

public sealed class DemoSeederTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Password = "clave-demo-de-prueba-123";

    private Task<ApiHost> StartAsync(int listings) => ApiHost.StartAsync(
        $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Demo:Seed=true",
        $"--Platform:Demo:Listings={listings}", $"--Platform:Demo:OwnerPassword={Password}");

    [Fact]
    public async Task The_demo_dealership_is_seeded_once_and_topped_up_after_a_restart()
    {
        await using (var first = await StartAsync(listings: 12))
        {
            await WaitForAsync(published: 12);
            using var signIn = await TestAccounts.LogInAsync(first.Client, "dueno@autos-demo.test", Password);
            signIn.StatusCode.Should().Be(HttpStatusCode.OK, "run.sh prints this account for the person trying the demo");
        }

        await using (var second = await StartAsync(listings: 15))
        {
            await WaitForAsync(published: 15);
        }

        (await ScalarAsync("select count(*) from tenants where slug = 'demo'")).Should().Be(1);
        (await ScalarAsync("select count(*) from listings l join tenants t using (tenant_id) where t.slug = 'demo'")).Should().Be(15);
        (await ScalarAsync("select count(*) from listings where status <> 'published'")).Should().Be(0);
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_seeded()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        host.Services.GetServices<IHostedService>().Should().NotContain(s => s is Platform.Api.Demo.DemoSeeder);
    }

    private async Task WaitForAsync(int published)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await ScalarAsync("select count(*) from listings where status = 'published'") < published)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The demo catalog did not reach {published} published listings.");
            await Task.Delay(200);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
