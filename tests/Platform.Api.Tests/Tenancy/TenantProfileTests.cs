using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using static Platform.Api.Tests.Tenancy.TenancyHttpTests;

namespace Platform.Api.Tests.Tenancy;

/// <summary>A tenant's country, currency and time zone pass the same rules at sign-up and in its settings.</summary>
[Collection(TenancyCollection.Name)]
public sealed class TenantProfileTests(TenancyApp app)
{
    [Theory]
    [InlineData("country", "XX")]
    [InlineData("country", "COL")]
    [InlineData("currency", "ABC")]
    [InlineData("currency", "XAU")]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "america/bogota")]
    [InlineData("timeZone", "UTC-11")]
    [InlineData("timeZone", "localtime")]
    [InlineData("timeZone", "../../etc/passwd")]
    public async Task A_value_sign_up_refuses_is_refused_by_the_settings_change(string field, string value)
    {
        var signUp = TestAccounts.RegistrationBody();
        signUp[field] = value;
        using var registered = await app.Http.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), signUp);

        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var settings = SettingsBody();
        settings[field] = value;
        using var changed = await SendAsync(client, HttpMethod.Put, "/api/tenant/settings", settings);

        foreach (var response in new[] { registered, changed })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
        }
        (await app.ScalarAsync<long>("select count(*) from tenants where slug = $1", (string)signUp["slug"]!)).Should().Be(0);
        (await app.ScalarAsync<long>("select version from tenants where tenant_id = $1", owner.TenantId)).Should().Be(1);
    }

    [Theory]
    [InlineData("timeZone", "UTC", "time_zone", "UTC")]
    [InlineData("timeZone", "America/Argentina/Buenos_Aires", "time_zone", "America/Argentina/Buenos_Aires")]
    [InlineData("country", " br ", "country", "BR")]
    [InlineData("currency", "clf", "currency", "CLF")]
    public async Task A_value_sign_up_accepts_is_accepted_by_the_settings_change_and_stored_alike(
        string field, string value, string column, string stored)
    {
        var signUp = TestAccounts.RegistrationBody();
        signUp[field] = value;
        using var registered = await app.Http.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), signUp);

        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var client = app.Http.WithBearer(owner);
        var settings = SettingsBody();
        settings[field] = value;
        using var changed = await SendAsync(client, HttpMethod.Put, "/api/tenant/settings", settings);

        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.ScalarAsync<string>($"select {column} from tenants where slug = $1", (string)signUp["slug"]!)).Should().Be(stored);
        (await app.ScalarAsync<string>($"select {column} from tenants where tenant_id = $1", owner.TenantId)).Should().Be(stored);
    }

    private static Dictionary<string, object?> SettingsBody() => new()
    {
        ["name"] = "Autos del Sur", ["country"] = "CL", ["timeZone"] = "America/Santiago", ["currency"] = "CLP", ["industry"] = "retail",
    };
}
