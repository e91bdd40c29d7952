using System.Diagnostics;
using System.Runtime.Versioning;
using Npgsql;
using Platform.Testing;
using Platform.Write.Storage;

namespace Platform.Api.Tests.Hosting;

public sealed class LocalPostgresTests : IAsyncLifetime
{
    private readonly string directory = TestDirectories.Create();

    private LocalPostgresOptions Options => new(Path.Combine(directory, "data")) { Durable = false };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDirectories.DeleteAsync(directory);

    [Fact]
    public async Task Starts_a_cluster_that_accepts_the_platform_user_on_loopback()
    {
        await using var cluster = await LocalPostgres.StartAsync(Options);

        (await ScalarAsync(cluster.ConnectionString(), "select current_user")).Should().Be("platform");
        (await ScalarAsync(cluster.ConnectionString(), "show listen_addresses")).Should().Be("127.0.0.1");
        (await ScalarAsync(cluster.ConnectionString(), "show synchronous_commit")).Should().Be("on");
        cluster.ConnectionString("shop").Should().Contain($"Port={cluster.Port}").And.Contain("Database=shop");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Password_file_is_private_to_its_owner()
    {
        await using var cluster = await LocalPostgres.StartAsync(Options);

        File.GetUnixFileMode(cluster.DataDirectory + ".password").Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Committed_data_survives_a_crash_and_a_restart_on_the_same_port()
    {
        await using var cluster = await LocalPostgres.StartAsync(Options);
        await cluster.CreateDatabaseAsync("shop");
        await cluster.CreateDatabaseAsync("shop");
        var shop = cluster.ConnectionString("shop") + ";Pooling=false";
        await ScalarAsync(shop, "create table sales (id int); insert into sales values (42)");
        var port = cluster.Port;

        await cluster.StopAsync(immediate: true);
        File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")).Should().BeFalse();
        await cluster.StartAgainAsync();

        cluster.Port.Should().Be(port);
        (await ScalarAsync(shop, "select id from sales")).Should().Be(42);
    }

    [Fact]
    public async Task A_cluster_already_running_on_the_data_directory_is_reused()
    {
        await using var first = await LocalPostgres.StartAsync(Options);
        await using var second = await LocalPostgres.StartAsync(Options);

        second.Port.Should().Be(first.Port);
        (await ScalarAsync(second.ConnectionString() + ";Pooling=false", "select 1")).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_pid_file_left_by_a_dead_postmaster_does_not_block_the_start()
    {
        await using (var cluster = await LocalPostgres.StartAsync(Options))
        {
            await cluster.StopAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(Options.DataDirectory, "postmaster.pid"), $"{DeadPid()}\n{Options.DataDirectory}\n0\n5432\n");
        await using var restarted = await LocalPostgres.StartAsync(Options);

        (await ScalarAsync(restarted.ConnectionString() + ";Pooling=false", "select 1")).Should().Be(1);
    }

    private static int DeadPid()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
