using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Tenancy;
using Platform.Write.Tenancy;
using static Platform.Api.Tests.Pipeline.InviteRequests;

namespace Platform.Api.Tests.Pipeline;

/// <summary>POST /api/users/invite with an Idempotency-Key: a retry answers the first result and changes nothing more.</summary>
[Collection(TenancyCollection.Name)]
public sealed class IdempotencyTests(TenancyApp app)
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_answers_the_first_response_and_appends_nothing()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var (key, email) = (NewKey(), NewEmail());

        using var first = await InviteAsync(client, key, email);
        var events = await EventsAsync(owner.TenantId);
        using var retry = await InviteAsync(client, key, email);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        var (issued, replayed) = (await BodyAsync(first), await BodyAsync(retry));
        replayed.GetProperty("userId").GetGuid().Should().Be(issued.GetProperty("userId").GetGuid());
        replayed.GetProperty("token").GetString().Should().Be(issued.GetProperty("token").GetString());
        replayed.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(issued.GetProperty("expiresAt").GetDateTimeOffset());
        (await EventsAsync(owner.TenantId)).Should().Be(events);
        (await app.ScalarAsync<long>("select count(*) from users where email = $1", email)).Should().Be(1);
        (await app.ScalarAsync<long>("select count(*) from outbox where recipient = $1", email)).Should().Be(1);
    }

    [Fact]
    public async Task The_stored_response_keeps_no_secret_in_clear_and_the_replayed_token_still_works()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var (key, email) = (NewKey(), NewEmail());

        using var first = await InviteAsync(client, key, email);
        var issued = await BodyAsync(first);
        var stored = await app.ScalarAsync<string>("select response::text from idempotency_keys where idempotency_key = $1", key);
        using var retry = await InviteAsync(client, key, email);
        var token = (await BodyAsync(retry)).GetProperty("token").GetString()!;

        stored.Should().NotBeNullOrEmpty();
        stored.Should().NotContain(issued.GetProperty("token").GetString()).And.NotContain(issued.GetProperty("userId").GetString());
        token.Should().Be(issued.GetProperty("token").GetString());
        using var accepted = await app.Http.PostAsJsonAsync(new Uri("/api/users/accept", UriKind.Relative),
            new { token, displayName = "Invitada", password = TenantSeed.Password });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_runs_nothing()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var key = NewKey();
        using var first = await InviteAsync(client, key, NewEmail());
        var events = await EventsAsync(owner.TenantId);
        var other = NewEmail();

        using var reused = await InviteAsync(client, key, other);
        using var otherRole = await InviteAsync(client, key, other, Roles.Admin);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        foreach (var response in new[] { reused, otherRole })
        {
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            (await BodyAsync(response)).GetProperty("type").GetString().Should().Be("/problems/idempotency-key-reused");
        }
        (await EventsAsync(owner.TenantId)).Should().Be(events);
        (await app.ScalarAsync<long>("select count(*) from users where email = $1", other)).Should().Be(0);
    }

    [Fact]
    public async Task A_key_whose_request_failed_can_be_retried()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var seats = new List<Guid>();
        for (var i = 0; i < 4; i++) seats.Add((await BodyAsync(await InviteAsync(client, null, NewEmail()))).GetProperty("userId").GetGuid());
        var (key, email) = (NewKey(), NewEmail());

        using var full = await InviteAsync(client, key, email);
        full.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await BodyAsync(full)).GetProperty("type").GetString().Should().Be("/problems/plan-limit-reached");

        using var withdrawn = await client.PostAsJsonAsync(new Uri($"/api/users/{seats[0]:D}/deactivate", UriKind.Relative), new { reason = "libera un puesto" });
        withdrawn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var retried = await InviteAsync(client, key, email);

        retried.StatusCode.Should().Be(HttpStatusCode.Created);
        (await app.ScalarAsync<string>("select status from users where email = $1", email)).Should().Be("invited");
    }

    [Fact]
    public async Task Keys_belong_to_one_user_so_another_users_same_key_runs_on_its_own()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        var admin = await TestAccounts.AddSignedInUserAsync(app.Http, app.System, owner.TenantId, Roles.Admin);
        using var ownerClient = app.Http.WithBearer(owner);
        using var adminClient = app.Http.WithBearer(admin);
        var (key, byOwner, byAdmin) = (NewKey(), NewEmail(), NewEmail());

        using var first = await InviteAsync(ownerClient, key, byOwner);
        using var sameBody = await InviteAsync(adminClient, key, byOwner);
        using var otherBody = await InviteAsync(adminClient, key, byAdmin);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        // Not the owner's answer replayed: the admin's request ran, and found the address taken.
        sameBody.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await BodyAsync(sameBody)).GetProperty("type").GetString().Should().Be("/problems/email-unavailable");
        // Another body under the owner's key: not a reuse, since the key is the admin's own (and its failure released it).
        otherBody.StatusCode.Should().Be(HttpStatusCode.Created);
        (await BodyAsync(otherBody)).GetProperty("userId").GetGuid().Should().NotBe((await BodyAsync(first)).GetProperty("userId").GetGuid());
        (await app.ScalarAsync<long>("select count(*) from idempotency_keys where idempotency_key = $1", key)).Should().Be(2);
    }

    private Task<long> EventsAsync(Guid tenantId) => EventCountAsync(app, tenantId);
}
