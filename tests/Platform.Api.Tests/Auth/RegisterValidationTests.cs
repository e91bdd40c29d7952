using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Api.Tests.Auth;

public sealed class RegisterValidationTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Theory]
    [InlineData("slug", "ab")]
    [InlineData("slug", "Mi-Empresa")]
    [InlineData("slug", "-empresa")]
    [InlineData("slug", "admin")]
    [InlineData("slug", "network")]
    [InlineData("country", "XX")]
    [InlineData("country", "COL")]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "../../etc/passwd")]
    [InlineData("currency", "ABC")]
    [InlineData("industry", "bakery")]
    [InlineData("email", "not-an-address")]
    [InlineData("password", "short")]
    [InlineData("name", "   ")]
    [InlineData("displayName", "")]
    public async Task Invalid_field_is_a_400_that_names_it_and_stores_nothing(string field, string value)
    {
        var body = TestAccounts.RegistrationBody();
        body[field] = value;

        using var response = await api.Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal(field);
        (await api.ScalarAsync<long>("select count(*) from tenants where slug = $1", (string)body["slug"]!)).Should().Be(0);
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        using var response = await api.Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo("name", "slug", "country", "timeZone", "currency", "industry", "displayName", "email", "password");
    }

    [Fact]
    public async Task Codes_are_accepted_in_any_case_and_stored_upper_case()
    {
        var body = TestAccounts.RegistrationBody();
        (body["country"], body["currency"]) = ("mx", " mxn ");

        using var response = await api.Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.ScalarAsync<string>("select country || currency from tenants where slug = $1", (string)body["slug"]!)).Should().Be("MXMXN");
    }

    [Fact]
    public async Task Ids_roles_and_plans_in_the_body_change_nothing()
    {
        var body = TestAccounts.RegistrationBody();
        var (foreignTenant, foreignUser) = (Guid.NewGuid(), Guid.NewGuid());
        body["tenantId"] = foreignTenant;
        body["userId"] = foreignUser;
        body["role"] = "viewer";
        body["plan"] = "enterprise";
        body["status"] = "deactivated";

        using var response = await api.Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var json = await TestAccounts.ReadJsonAsync(response);
        json.GetProperty("tenantId").GetGuid().Should().NotBe(foreignTenant);
        json.GetProperty("userId").GetGuid().Should().NotBe(foreignUser);
        (await api.ScalarAsync<string>("""
            select t.plan || '/' || t.status || '/' || u.role from tenants t join users u using (tenant_id) where t.slug = $1
            """, (string)body["slug"]!)).Should().Be("basic/active/owner");
    }

    [Fact]
    public async Task Taken_slug_is_a_409_naming_the_slug_and_rolls_everything_back()
    {
        var first = await TestAccounts.RegisterTenantAsync(api.Client);
        var events = await api.ScalarAsync<long>("select count(*) from events");
        var email = TestAccounts.NewEmail();

        using var response = await api.Client.PostAsJsonAsync(
            new Uri("/api/auth/register", UriKind.Relative), TestAccounts.RegistrationBody(slug: first.Slug, email: email));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await TestAccounts.ReadJsonAsync(response);
        problem.GetProperty("type").GetString().Should().Be("/problems/slug-taken");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("slug");
        (await api.ScalarAsync<long>("select count(*) from events")).Should().Be(events);
        (await api.ScalarAsync<long>("select count(*) from users where email = $1", email)).Should().Be(0);
    }

    [Fact]
    public async Task Taken_email_in_another_spelling_is_a_409_naming_the_email()
    {
        var first = await TestAccounts.RegisterTenantAsync(api.Client);
        var slug = TestAccounts.NewSlug();

        using var response = await api.Client.PostAsJsonAsync(
            new Uri("/api/auth/register", UriKind.Relative), TestAccounts.RegistrationBody(slug: slug, email: $"  {first.Email.ToUpperInvariant()} "));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await TestAccounts.ReadJsonAsync(response);
        problem.GetProperty("type").GetString().Should().Be("/problems/email-unavailable");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("email");
        (await api.ScalarAsync<long>("select count(*) from tenants where slug = $1", slug)).Should().Be(0);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        using var content = new StringContent("{\"slug\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await api.Client.PostAsync(new Uri("/api/auth/register", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
