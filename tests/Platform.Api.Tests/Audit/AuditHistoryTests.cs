using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Audit;

public sealed class AuditHistoryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Auditors_page_through_the_tenants_history_in_commit_order_with_filters()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var first = await AuditWorld.ListingWithHistoryAsync(asOwner);
        var second = await AuditWorld.ListingWithHistoryAsync(asOwner, "Mazda 3 Grand Touring");
        using var asAuditor = host.Client.WithBearer(await TestAccounts.AddSignedInUserAsync(host.Client, database.DataSource, owner.TenantId, "auditor"));
        // Sealed events are behind the fence every history read keeps to, for good.
        await AuditWorld.SealedAsync(asAuditor);

        var all = await PagesAsync(asAuditor, "/api/audit/events?limit=2");
        all.Select(e => e.GetProperty("position").GetInt64()).Should().BeInAscendingOrder();
        all.Select(e => e.GetProperty("eventId").GetGuid()).Should().OnlyHaveUniqueItems();
        all.Where(e => e.GetProperty("streamId").GetString()!.StartsWith("listing-", StringComparison.Ordinal)).Should().HaveCount(6);
        all.Select(e => e.GetProperty("streamId").GetString()).Should().Contain("tenant");

        var stream = await PagesAsync(asAuditor, $"/api/audit/events?stream=listing-{first:D}");
        stream.Select(e => e.GetProperty("version").GetInt64()).Should().Equal(1, 2, 3);
        var prices = await PagesAsync(asAuditor, "/api/audit/events?type=catalog.listing-price-changed.v1");
        prices.Select(e => e.GetProperty("streamId").GetString()).Should().Equal($"listing-{first:D}", $"listing-{second:D}");
        prices[0].GetProperty("data").GetProperty("to").GetProperty("amount").GetDecimal().Should().Be(175_000_000m);
        (await PagesAsync(asAuditor, $"/api/audit/events?user={owner.UserId:D}")).Should().HaveCount(all.Count(e => UserOf(e) == owner.UserId.ToString("D")));
        (await PagesAsync(asAuditor, $"/api/audit/events?user={Guid.NewGuid():D}")).Should().BeEmpty();

        var secondCreated = (await PagesAsync(asAuditor, $"/api/audit/events?stream=listing-{second:D}"))[0].GetProperty("recordedAt").GetDateTimeOffset();
        var since = await PagesAsync(asAuditor, $"/api/audit/events?from={Uri.EscapeDataString(secondCreated.ToString("O"))}");
        since.Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("recordedAt").GetDateTimeOffset() >= secondCreated);
        since.Should().NotContain(e => e.GetProperty("streamId").GetString() == $"listing-{first:D}");
        var before = await PagesAsync(asAuditor, $"/api/audit/events?to={Uri.EscapeDataString(secondCreated.ToString("O"))}");
        (before.Count + since.Count).Should().Be(all.Count);

        var history = await AuditWorld.GetAsync(asAuditor, $"/api/audit/streams/listing-{first:D}?fromVersion=2");
        history.GetProperty("version").GetInt64().Should().Be(3);
        history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .Should().Equal("catalog.listing-status-changed.v1", "catalog.listing-price-changed.v1");
        await AuditWorld.GetAsync(asAuditor, "/api/audit/events?cursor=basura", HttpStatusCode.BadRequest);
        await AuditWorld.GetAsync(asAuditor, "/api/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_auditors_owners_and_admins_read_history_and_another_tenants_stream_is_not_found()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var listing = await AuditWorld.ListingWithHistoryAsync(asOwner);
        using var asSales = host.Client.WithBearer(await TestAccounts.AddSignedInUserAsync(host.Client, database.DataSource, owner.TenantId, "sales"));
        using var asOther = host.Client.WithBearer(await TestAccounts.RegisterTenantAsync(host.Client));

        foreach (var path in new[] { "/api/audit/events", $"/api/audit/streams/listing-{listing:D}", "/api/audit/chain" })
            await AuditWorld.GetAsync(asSales, path, HttpStatusCode.Forbidden);
        foreach (var suffix in new[] { "", "/state", "/state?version=1", "/diff?from=1&to=2" })
            await AuditWorld.GetAsync(asOther, $"/api/audit/streams/listing-{listing:D}{suffix}", HttpStatusCode.NotFound);
        var theirs = await PagesAsync(asOther, "/api/audit/events");
        theirs.Should().NotContain(e => e.GetProperty("streamId").GetString() == $"listing-{listing:D}");
        (await AuditWorld.GetAsync(asOwner, $"/api/audit/streams/listing-{listing:D}")).GetProperty("version").GetInt64().Should().Be(3);
    }

    private static string? UserOf(JsonElement e) =>
        e.GetProperty("metadata").TryGetProperty("userId", out var user) ? user.GetString() : null;

    internal static async Task<List<JsonElement>> PagesAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await AuditWorld.GetAsync(client, cursor is null ? path : $"{path}{separator}cursor={cursor}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }
}
