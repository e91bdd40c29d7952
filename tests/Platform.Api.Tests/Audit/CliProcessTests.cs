using System.Diagnostics;
using Platform.Api.Cli;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Audit;

public sealed class CliProcessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_host_binary_runs_the_tool_replays_a_stream_and_verifies_the_chain()
    {
        Guid tenant;
        Guid listing;
        await using (var host = await AuditWorld.StartAsync(database.ConnectionString))
        {
            var owner = await TestAccounts.RegisterTenantAsync(host.Client);
            using var asOwner = host.Client.WithBearer(owner);
            listing = await AuditWorld.ListingWithHistoryAsync(asOwner);
            await AuditWorld.SealedAsync(asOwner);
            tenant = owner.TenantId;
        }

        var (exit, output) = await RunAsync("cli", "verify", "--tenant", tenant.ToString(), "--connection", database.ConnectionString);
        exit.Should().Be(0, output);
        output.Should().Contain("intact");

        using var replay = new StringWriter();
        (await PlatformCli.RunAsync(["replay", "--tenant", tenant.ToString(), "--stream", $"listing-{listing:D}", "--version", "2", "--connection", database.ConnectionString], replay))
            .Should().Be(0, replay.ToString());
        replay.ToString().Should().Contain("catalog.listing-status-changed.v1").And.NotContain("catalog.listing-price-changed.v1")
            .And.Contain("\"status\": \"published\"");
        using var status = new StringWriter();
        (await PlatformCli.RunAsync(["projections", "status", "--connection", database.ConnectionString], status)).Should().Be(0, status.ToString());
        status.ToString().Should().Contain("catalog-search");
        using var unknown = new StringWriter();
        (await PlatformCli.RunAsync(["verify", "--tenant", "no-such-tenant", "--connection", database.ConnectionString], unknown)).Should().Be(1);
        unknown.ToString().Should().Contain("no-such-tenant");
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Platform.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
