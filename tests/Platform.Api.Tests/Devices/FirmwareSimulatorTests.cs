using System.Diagnostics;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Devices;

/// <summary>
/// The firmware's own simulator (firmware/sim: the real C core and drivers over modelled parts) as
/// a device of the platform: registered through the API, publishing to the host's embedded mosquitto.
/// </summary>
public sealed partial class FirmwareSimulatorTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_firmware_simulator_publishes_readings_the_platform_stores_once_and_acknowledges()
    {
        var simulator = await BuildSimulatorAsync();
        var folder = TestDirectories.Create();
        var port = ApiHost.FreePort();
        try
        {
            await using var host = await ApiHost.StartAsync(
                $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Mqtt:Embedded=true", $"--Platform:Mqtt:Port={port}",
                $"--Platform:DataDirectory={folder}");
            var owner = await TestAccounts.RegisterTenantAsync(host.Client);
            using var signedIn = host.Client.WithBearer(owner);
            var device = await DeviceSamples.RegisterAsync(signedIn);
            var credentials = Path.Combine(folder, "devices.txt");
            await File.WriteAllTextAsync(credentials, $"{device.TenantId:D} {device.DeviceId:D} {device.Username} {device.Password} fridge\n");

            var stats = await RunAsync(simulator, "--credentials", credentials, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--duration", "6", "--interval-ms", "200", "--stats-every", "1");

            var last = StatsLine().Matches(stats).Last();
            var acked = long.Parse(last.Groups["acked"].Value, System.Globalization.CultureInfo.InvariantCulture);
            acked.Should().BeGreaterThan(5, $"the platform acknowledges what it stored; the simulator said: {stats}");
            await using var count = database.DataSource.CreateCommand(
                "select count(*), count(distinct (data->>'boot', data->>'seq')) from events where tenant_id = $1 and stream_id = $2");
            count.Parameters.Add(new() { Value = device.TenantId });
            count.Parameters.Add(new() { Value = $"device-{device.DeviceId:D}" });
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            reader.GetInt64(0).Should().BeGreaterThanOrEqualTo(acked, "an ack goes out only after its reading is committed");
            reader.GetInt64(1).Should().Be(reader.GetInt64(0), "each reading is stored once");
        }
        finally
        {
            await TestDirectories.DeleteAsync(folder);
        }
    }

    [GeneratedRegex(@"published=(?<published>\d+) resent=\d+ acked=(?<acked>\d+)")]
    private static partial Regex StatsLine();

    /// <summary>Builds fw_sim with the firmware's CMake project (./test.sh has usually built it already).</summary>
    private static async Task<string> BuildSimulatorAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln"))) root = root.Parent;
        var firmware = Path.Combine(root!.FullName, "firmware");
        var build = Path.Combine(firmware, "build");
        await RunAsync("cmake", "-S", firmware, "-B", build, "-DCMAKE_BUILD_TYPE=Debug");
        await RunAsync("cmake", "--build", build, "-j", "2", "--target", "fw_sim");
        return Path.Combine(build, "sim", "fw_sim");
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {text}");
        return text;
    }
}
