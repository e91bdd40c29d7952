using System.Net;
using System.Net.Http.Json;

namespace Platform.Api.Tests.Auth;

public sealed class RegisterTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Registered_owner_is_signed_in_and_reaches_an_authenticated_endpoint()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        using var owner = api.Client.WithBearer(account);

        using var response = await owner.GetAsync(new Uri("/api/auth/sessions", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sessions = (await TestAccounts.ReadJsonAsync(response)).GetProperty("items");
        sessions.GetArrayLength().Should().Be(1);
        sessions[0].GetProperty("current").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Sign_up_stores_the_tenant_on_the_basic_plan_its_owner_and_both_events_in_one_transaction()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);

        (await api.ScalarAsync<string>("select plan || '/' || status || '/' || version from tenants where tenant_id = $1", account.TenantId))
            .Should().Be("basic/active/1");
        (await api.ScalarAsync<string>("select role || '/' || status || '/' || email || '/' || version from users where user_id = $1", account.UserId))
            .Should().Be($"owner/active/{account.Email}/1");
        (await api.ScalarAsync<string>("""
            select string_agg(stream_id || ':' || type, ',' order by stream_id) from events where tenant_id = $1
            """, account.TenantId))
            .Should().Be("catalog-reference-brands:catalog.reference-list-changed.v1,catalog-reference-listing-states:catalog.reference-list-changed.v1,"
                + $"catalog-reference-models:catalog.reference-list-changed.v1,pipeline-{await SeededPipelineAsync(account.TenantId):D}:pipeline.pipeline-created.v1,"
                + $"pipeline-lost-reasons:pipeline.lost-reasons-changed.v1,tenant:tenancy.tenant-registered.v1,user-{account.UserId:D}:tenancy.user-registered.v1");
        (await api.ScalarAsync<long>("select count(distinct transaction_id) from events where tenant_id = $1", account.TenantId)).Should().Be(1);
        (await api.ScalarAsync<string>("select metadata->>'userId' from events where tenant_id = $1 and stream_id = 'tenant'", account.TenantId))
            .Should().Be(account.UserId.ToString("D"));
    }

    private async Task<Guid> SeededPipelineAsync(Guid tenantId) =>
        Guid.Parse((await api.ScalarAsync<string>("select data->>'pipelineId' from events where tenant_id = $1 and type = 'pipeline.pipeline-created.v1'", tenantId))!);
}
