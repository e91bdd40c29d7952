using Platform.Api.Demo;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Devices;
using Platform.Testing;
using Platform.Write.Devices;

namespace Platform.Api.Tests.Demo;

/// <summary>The demo tenant's devices: registered with the seed, publishing over the embedded broker when Platform:Demo:Devices is on.</summary>
public sealed class DemoDeviceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Password = "clave-demo-de-prueba-123";
    private readonly string folder = TestDirectories.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDirectories.DeleteAsync(folder);

    [Fact]
    public async Task Demo_devices_publish_over_mqtt_and_their_readings_are_stored_acknowledged_and_projected()
    {
        await using var host = await ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Mqtt:Embedded=true", $"--Platform:Mqtt:Port={ApiHost.FreePort()}",
            $"--Platform:DataDirectory={folder}", "--Platform:Demo:Seed=true", "--Platform:Demo:Listings=0", "--Platform:Demo:Devices=true",
            "--Platform:Demo:DeviceInterval=00:00:00.2", $"--Platform:Demo:OwnerPassword={Password}");

        await Until(async () => await Scalar("""
            select count(distinct d.device_id) from devices d join tenants t using (tenant_id)
              join device_ack_marks m on m.tenant_id = d.tenant_id and m.device_id = d.device_id
             where t.slug = 'demo' and m.acked >= 5
            """) == DemoDevices.Catalog.Length, "every demo device to have 5 readings stored and acknowledged");

        var (token, _) = await TestAccounts.SignInAsync(host.Client, "dueno@autos-demo.test", Password);
        using var owner = host.Client.WithBearer(token);
        var fridge = await Scalar<Guid>("select device_id from devices where name = $1", DemoDevices.Catalog[0].Name);
        var latest = await TelemetrySamples.LatestAsync(owner, new TestDevice(Guid.Empty, fridge, "", "", "", "", 0), l => l.Count == 2);
        latest.Keys.Should().BeEquivalentTo("temperature", "door");
        latest["temperature"].Value.Should().BeInRange(2m, 10m);
        (await Scalar("select count(*) from events where type = 'devices.reading-rejected.v1'")).Should().Be(0);
    }

    [Fact]
    public void The_fridge_warms_past_5_degrees_within_its_cycle_and_cools_again()
    {
        var model = new DemoSensorModel(DeviceProfile.FridgeTemperature, seed: 7);

        var temperatures = Enumerable.Range(0, DemoSensorModel.ExcursionEvery * 2).Select(_ => model.Next()[0].Value).ToList();

        temperatures.Take(DemoSensorModel.ExcursionEvery).Should().Contain(t => t > 5m, "an excursion within the first cycle");
        temperatures.Count(t => t > 5m).Should().BeInRange(4, 16, "a few samples per cycle, not all of them");
        temperatures.Should().OnlyContain(t => t > 2m && t < 10m);
    }

    [Fact]
    public void The_soil_dries_and_its_relay_waters_it()
    {
        var model = new DemoSensorModel(DeviceProfile.SoilMoisture, seed: 7);

        var samples = Enumerable.Range(0, 400).Select(_ => model.Next()).ToList();

        samples.Select(s => s[0].Value).Should().OnlyContain(m => m > 20m && m < 80m);
        samples.Select(s => s[1].Value).Should().Contain(1m).And.Contain(0m);
    }

    [Theory]
    [InlineData("{\"boot\":7,\"seq\":42}", 42L)]
    [InlineData("42", 42L)]
    [InlineData("{\"boot\":8,\"seq\":42}", null)]
    [InlineData("{\"seq\":42}", null)]
    [InlineData("no", null)]
    public void Acks_are_read_for_the_devices_own_boot_only(string payload, long? expected) =>
        DemoAcks.Seq(System.Text.Encoding.UTF8.GetBytes(payload), boot: 7).Should().Be(expected);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 60 s for {what}.");
            await Task.Delay(200);
        }
    }

    private Task<long> Scalar(string sql) => Scalar<long>(sql);

    private async Task<T> Scalar<T>(string sql, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
