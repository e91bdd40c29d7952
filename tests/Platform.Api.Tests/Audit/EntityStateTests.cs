using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Audit;

public sealed class EntityStateTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_listing_is_rebuilt_as_of_any_version_or_instant_and_diffed_field_by_field()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var id = await AuditWorld.ListingWithHistoryAsync(asOwner);
        var path = $"/api/audit/streams/listing-{id:D}";
        var events = (await AuditWorld.GetAsync(asOwner, path)).GetProperty("events").EnumerateArray().ToList();

        var v1 = await AuditWorld.GetAsync(asOwner, $"{path}/state?version=1");
        v1.GetProperty("kind").GetString().Should().Be("listing");
        v1.GetProperty("state").GetProperty("status").GetString().Should().Be("draft");
        v1.GetProperty("state").GetProperty("price").GetProperty("amount").GetDecimal().Should().Be(182_000_000m);

        var publishedAt = events[1].GetProperty("recordedAt").GetDateTimeOffset();
        var asPublished = await AuditWorld.GetAsync(asOwner, $"{path}/state?at={Uri.EscapeDataString(publishedAt.ToString("O"))}");
        asPublished.GetProperty("version").GetInt64().Should().Be(2);
        asPublished.GetProperty("state").GetProperty("status").GetString().Should().Be("published");
        asPublished.GetProperty("state").GetProperty("price").GetProperty("amount").GetDecimal().Should().Be(182_000_000m);

        var before = await AuditWorld.GetAsync(asOwner, $"{path}/state?at=2000-01-01T00:00:00Z");
        before.GetProperty("version").GetInt64().Should().Be(0);
        before.GetProperty("state").ValueKind.Should().Be(JsonValueKind.Null);
        var now = await AuditWorld.GetAsync(asOwner, $"{path}/state");
        now.GetProperty("version").GetInt64().Should().Be(3);
        now.GetProperty("state").GetProperty("price").GetProperty("amount").GetDecimal().Should().Be(175_000_000m);

        var diff = await AuditWorld.GetAsync(asOwner, $"{path}/diff?from=1&to=3");
        var changes = diff.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("path").GetString()!);
        changes.Keys.Should().BeEquivalentTo("status", "price.amount");
        changes["status"].GetProperty("before").GetString().Should().Be("draft");
        changes["status"].GetProperty("after").GetString().Should().Be("published");
        changes["price.amount"].GetProperty("after").GetDecimal().Should().Be(175_000_000m);
        (await AuditWorld.GetAsync(asOwner, $"{path}/diff?from=0&to=1")).GetProperty("changes").EnumerateArray()
            .Should().ContainSingle().Which.GetProperty("path").GetString().Should().Be("$");

        await AuditWorld.GetAsync(asOwner, $"{path}/state?version=9", HttpStatusCode.BadRequest);
        await AuditWorld.GetAsync(asOwner, $"{path}/state?version=1&at=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest);
        await AuditWorld.GetAsync(asOwner, $"{path}/diff?from=3&to=2", HttpStatusCode.BadRequest);
        await AuditWorld.GetAsync(asOwner, $"/api/audit/streams/listing-{Guid.NewGuid():D}/state", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tenant_and_its_users_are_rebuilt_through_their_own_deciders()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);

        var tenant = await AuditWorld.GetAsync(asOwner, "/api/audit/streams/tenant/state");
        tenant.GetProperty("kind").GetString().Should().Be("tenant");
        tenant.GetProperty("state").GetProperty("slug").GetString().Should().Be(owner.Slug);
        var user = await AuditWorld.GetAsync(asOwner, $"/api/audit/streams/user-{owner.UserId:D}/state?version=1");
        user.GetProperty("kind").GetString().Should().Be("user");
        user.GetProperty("state").GetProperty("role").GetString().Should().Be("owner");
    }
}
