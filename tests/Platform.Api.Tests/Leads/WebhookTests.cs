using System.Net;
using System.Text;
using Platform.Api.Tests.Auth;
using Platform.Write.Leads;

namespace Platform.Api.Tests.Leads;

public sealed class WebhookTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_signed_delivery_becomes_one_lead_and_its_replay_makes_no_second()
    {
        var (owner, secret) = await TenantWithSecretAsync();

        using var first = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, WebhookRequests.Body(), "entrega-1"));
        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var leadId = (await TestAccounts.ReadJsonAsync(first)).GetProperty("leadId").GetGuid();
        using var replay = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, WebhookRequests.Body(), "entrega-1"));
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await TestAccounts.ReadJsonAsync(replay);
        again.GetProperty("leadId").GetGuid().Should().Be(leadId);
        again.GetProperty("duplicate").GetBoolean().Should().BeTrue();

        using var client = api.Client.WithBearer(owner);
        var lead = await LeadRequests.GetJsonAsync(client, $"/api/leads/{leadId}");
        lead.GetProperty("source").GetString().Should().Be("webhook");
        lead.GetProperty("campaign").GetString().Should().Be("facebook-marzo");
        lead.GetProperty("phone").GetString().Should().Be("+573005559876");
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task The_same_signed_bytes_sent_twice_at_once_make_one_lead()
    {
        var (owner, secret) = await TenantWithSecretAsync();
        var body = WebhookRequests.Body();
        var at = DateTimeOffset.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, body, null, at))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(3);
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(1);
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task Flipped_bytes_missing_headers_stale_timestamps_unknown_slugs_and_old_secrets_all_get_the_same_401()
    {
        var (owner, secret) = await TenantWithSecretAsync();
        var body = Encoding.UTF8.GetBytes(WebhookRequests.Body());
        var stamp = WebhookRequests.Stamp(DateTimeOffset.UtcNow);
        var signature = WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), stamp, body);
        var flipped = (byte[])body.Clone();
        flipped[10] ^= 0x20;
        var staleStamp = WebhookRequests.Stamp(DateTimeOffset.UtcNow.AddMinutes(-6));
        var stale = WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), staleStamp, body);

        HttpRequestMessage[] refused =
        [
            WebhookRequests.Request(owner.Slug, flipped, signature, stamp),
            WebhookRequests.Request(owner.Slug, body, signature[..^2] + (signature[^2] == 'a' ? "b" : "a") + signature[^1], stamp),
            WebhookRequests.Request(owner.Slug, body, null, stamp),
            WebhookRequests.Request(owner.Slug, body, signature, null),
            WebhookRequests.Request(owner.Slug, body, stale, staleStamp),
            WebhookRequests.Request("no-existe-" + Guid.NewGuid().ToString("N")[..8], body, signature, stamp),
        ];
        var answers = new List<string>();
        foreach (var request in refused)
        {
            using var response = await api.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var problem = await TestAccounts.ReadJsonAsync(response);
            answers.Add(problem.GetProperty("type").GetString() + problem.GetProperty("detail").GetString());
        }

        answers.Distinct().Should().ContainSingle("an unknown tenant looks exactly like a bad signature");
        using var client = api.Client.WithBearer(owner);
        using var rotated = await LeadRequests.PostAsync(client, "/api/leads/webhook-secret");
        using var old = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, WebhookRequests.Body()));
        old.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(0);
    }

    [Fact]
    public async Task A_signed_but_invalid_body_is_refused_naming_the_fields()
    {
        var (owner, secret) = await TenantWithSecretAsync();

        using var badPhone = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, """{"name":"Mario","phone":"12","timeline":"nunca"}"""));
        using var notJson = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, "{\"name\":"));

        badPhone.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(badPhone)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("timeline");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        notJson.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", owner.TenantId)).Should().Be(0);
    }

    [Fact]
    public async Task Only_owners_and_admins_create_the_secret_which_is_stored_encrypted()
    {
        var (owner, secret) = await TenantWithSecretAsync();
        var seller = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asSeller = api.Client.WithBearer(seller);

        using var refused = await LeadRequests.PostAsync(asSeller, "/api/leads/webhook-secret");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var stored = await api.ScalarAsync<string>("select protected_secret from lead_webhook_secrets where tenant_id = $1", owner.TenantId);
        stored.Should().NotBeNullOrEmpty().And.NotContain(secret);
    }

    private async Task<(TestAccount Owner, string Secret)> TenantWithSecretAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var response = await LeadRequests.PostAsync(client, "/api/leads/webhook-secret");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var issued = await TestAccounts.ReadJsonAsync(response);
        issued.GetProperty("url").GetString().Should().Be($"/api/webhooks/leads/{owner.Slug}");
        return (owner, issued.GetProperty("secret").GetString()!);
    }
}
