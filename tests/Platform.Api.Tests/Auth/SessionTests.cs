using System.Net;
using System.Text.Json;

namespace Platform.Api.Tests.Auth;

public sealed class SessionTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly Uri Sessions = new("/api/auth/sessions", UriKind.Relative);

    [Fact]
    public async Task The_list_holds_the_callers_live_sessions_newest_first_with_the_current_one_marked()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var (second, _) = await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(second);

        var items = (await GetPageAsync(client, Sessions)).GetProperty("items").EnumerateArray().ToList();

        items.Should().HaveCount(3);
        items.Select(i => i.GetProperty("current").GetBoolean()).Should().Equal(false, true, false);
        items.Select(i => i.GetProperty("id").GetGuid()).Should().BeInDescendingOrder();
        items[0].GetProperty("clientAddress").GetString().Should().Be("127.0.0.1");
        items[0].TryGetProperty("createdAt", out _).Should().BeTrue();
        items[0].TryGetProperty("lastRefreshedAt", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Pages_follow_the_cursor_to_the_end_without_repeats()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        for (var i = 0; i < 4; i++) await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        using var client = api.Client.WithBearer(account);

        var seen = new List<Guid>();
        var uri = new Uri("/api/auth/sessions?limit=2", UriKind.Relative);
        for (var pages = 0; ; pages++)
        {
            pages.Should().BeLessThan(3);
            var page = await GetPageAsync(client, uri);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null) break;
            uri = new Uri($"/api/auth/sessions?limit=2&cursor={page.GetProperty("nextCursor").GetString()}", UriKind.Relative);
        }

        seen.Should().HaveCount(5).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("/api/auth/sessions?cursor=garbage", "cursor")]
    [InlineData("/api/auth/sessions?limit=many", "limit")]
    public async Task Unreadable_paging_parameters_are_a_400_naming_them(string path, string field)
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(account);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
    }

    [Fact]
    public async Task Deleting_an_own_session_ends_it_and_its_tokens()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var (phone, _) = await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        using var owner = api.Client.WithBearer(account);
        var phoneSession = await CurrentSessionAsync(phone);

        using var deleted = await owner.DeleteAsync(new Uri($"/api/auth/sessions/{phoneSession}", UriKind.Relative));

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var lostPhone = api.Client.WithBearer(phone);
        (await lostPhone.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await GetPageAsync(owner, Sessions)).GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Another_users_or_another_tenants_session_answers_404_like_a_missing_one()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var colleague = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        var answers = new List<HttpResponseMessage>();
        foreach (var id in new[] { await CurrentSessionAsync(colleague.AccessToken), await CurrentSessionAsync(stranger.AccessToken), Guid.NewGuid() })
            answers.Add(await client.DeleteAsync(new Uri($"/api/auth/sessions/{id}", UriKind.Relative)));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        var bodies = await Task.WhenAll(answers.Select(ProblemBodies.WithoutTraceIdAsync));
        bodies.Distinct().Should().HaveCount(1);
        (await api.ScalarAsync<long>("select count(*) from sessions where tenant_id in ($1, $2) and revoked_at is not null",
            owner.TenantId, stranger.TenantId)).Should().Be(0);
        foreach (var answer in answers) answer.Dispose();
    }

    private async Task<Guid> CurrentSessionAsync(string accessToken)
    {
        using var client = api.Client.WithBearer(accessToken);
        var items = (await GetPageAsync(client, Sessions)).GetProperty("items").EnumerateArray();
        return items.Single(i => i.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> GetPageAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        var json = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return json;
    }
}
