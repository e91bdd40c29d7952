using System.Text.Json;
using Npgsql;
using Platform.Api.Cli;
using Platform.Api.Tests.Auth;
using Platform.Testing;
using Platform.Write.Audit;

namespace Platform.Api.Tests.Audit;

public sealed class ChainTamperTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Editing_one_events_data_in_sql_breaks_the_chain_at_that_event()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var listing = await AuditWorld.ListingWithHistoryAsync(asOwner);
        await AuditWorld.ListingWithHistoryAsync(asOwner, "Renault Duster");
        var intact = await AuditWorld.SealedAsync(asOwner);
        intact.GetProperty("intact").GetBoolean().Should().BeTrue();
        intact.GetProperty("broken").ValueKind.Should().Be(JsonValueKind.Null);

        var edited = await ExecuteScalarAsync<Guid>("""
            update events set data = jsonb_set(data, '{to,amount}', '1000')
             where tenant_id = $1 and stream_id = $2 and version = 3 returning event_id
            """, owner.TenantId, $"listing-{listing:D}");

        var report = await AuditWorld.GetAsync(asOwner, "/api/audit/chain");
        report.GetProperty("intact").GetBoolean().Should().BeFalse();
        var broken = report.GetProperty("broken");
        broken.GetProperty("eventId").GetGuid().Should().Be(edited);
        broken.GetProperty("streamId").GetString().Should().Be($"listing-{listing:D}");
        broken.GetProperty("version").GetInt64().Should().Be(3);
        broken.GetProperty("reason").GetString().Should().Be(BrokenReasons.DataChanged);

        using var output = new StringWriter();
        var exit = await PlatformCli.RunAsync(["verify", "--tenant", owner.TenantId.ToString(), "--connection", database.ConnectionString], output);
        exit.Should().Be(1, output.ToString());
        output.ToString().Should().Contain($"event {edited:D}").And.Contain(BrokenReasons.DataChanged);
    }

    [Fact]
    public async Task Rewriting_a_whole_tail_links_included_is_caught_by_a_recorded_head()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var listing = await AuditWorld.ListingWithHistoryAsync(asOwner);
        var firstSeal = await AuditWorld.SealedAsync(asOwner);
        await AuditWorld.ListingWithHistoryAsync(asOwner, "Kia Picanto");
        var secondSeal = await AuditWorld.SealedAsync(asOwner);
        secondSeal.GetProperty("head").GetProperty("seq").GetInt64().Should().BeGreaterThan(firstSeal.GetProperty("head").GetProperty("seq").GetInt64());
        await host.StopAsync();

        // Someone who can write SQL edits an event and recomputes every link after it, so each link matches its event.
        await ExecuteScalarAsync<Guid>("""
            update events set data = jsonb_set(data, '{to,amount}', '1000')
             where tenant_id = $1 and stream_id = $2 and version = 3 returning event_id
            """, owner.TenantId, $"listing-{listing:D}");
        await RelinkAsync(owner.TenantId);

        var withoutHeads = await ChainVerifier.VerifyAsync(database.DataSource, owner.TenantId);
        withoutHeads.Broken.Should().NotBeNull();
        withoutHeads.Broken!.Reason.Should().Be(BrokenReasons.HeadMismatch, "every link matches its event now; only the recorded heads remember the old chain");

        await ExecuteScalarAsync<int>("delete from event_chain_heads where tenant_id = $1 returning 1", owner.TenantId);
        (await ChainVerifier.VerifyAsync(database.DataSource, owner.TenantId)).Intact.Should().BeTrue("with the heads gone too, only a copy kept elsewhere helps");
        var kept = new ChainHead(firstSeal.GetProperty("head").GetProperty("seq").GetInt64(), firstSeal.GetProperty("head").GetProperty("hash").GetString()!);
        var withKeptHead = await ChainVerifier.VerifyAsync(database.DataSource, owner.TenantId, [kept]);
        withKeptHead.Broken!.Reason.Should().Be(BrokenReasons.HeadMismatch);
        withKeptHead.Broken.Seq.Should().Be(kept.Seq);
    }

    private async Task RelinkAsync(Guid tenantId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var previous = EventChainHash.Genesis;
        var links = new List<(long Seq, byte[] Hash)>();
        await foreach (var e in ChainVerifier.Events(connection, null, tenantId))
        {
            previous = EventChainHash.Link(previous, e);
            links.Add((links.Count + 1, previous));
        }
        foreach (var (seq, hash) in links)
        {
            await using var update = new NpgsqlCommand("update event_chain set hash = $3 where tenant_id = $1 and seq = $2", connection);
            update.Parameters.Add(new() { Value = tenantId });
            update.Parameters.Add(new() { Value = seq });
            update.Parameters.Add(new() { Value = hash });
            await update.ExecuteNonQueryAsync();
        }
    }

    private async Task<T> ExecuteScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
