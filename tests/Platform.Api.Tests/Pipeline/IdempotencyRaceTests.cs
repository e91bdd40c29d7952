using System.Net;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Tenancy;
using static Platform.Api.Tests.Pipeline.InviteRequests;

namespace Platform.Api.Tests.Pipeline;

[Collection(TenancyCollection.Name)]
public sealed class IdempotencyRaceTests(TenancyApp app)
{
    [Fact]
    public async Task Simultaneous_requests_with_one_key_make_one_invitation()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var (key, email) = (NewKey(), NewEmail());
        var events = await EventCountAsync(app, owner.TenantId);

        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.WaitAsync();
            return await InviteAsync(client, key, email);
        }).ToList();
        start.Release(requests.Count);
        var responses = await Task.WhenAll(requests);

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.Should().NotBeEmpty();
        (await Task.WhenAll(created.Select(BodyAsync))).Select(b => b.GetProperty("userId").GetGuid()).Distinct().Should().ContainSingle();
        foreach (var refused in responses.Except(created))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await BodyAsync(refused)).GetProperty("type").GetString().Should().Be("/problems/request-in-progress");
        }
        (await app.ScalarAsync<long>("select count(*) from users where email = $1", email)).Should().Be(1);
        (await app.ScalarAsync<long>("select count(distinct stream_id) from events where tenant_id = $1 and stream_id like 'user-%'", owner.TenantId))
            .Should().Be(2, "the owner's stream and the one invitation's");
        (await EventCountAsync(app, owner.TenantId)).Should().Be(events + 1);
        foreach (var response in responses) response.Dispose();
    }
}
