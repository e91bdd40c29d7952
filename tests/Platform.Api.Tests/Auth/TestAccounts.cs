using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Auth;

/// <summary>A tenant's owner as sign-up made it: ids, credentials and the first session's tokens.</summary>
public sealed record TestAccount(
    Guid TenantId, Guid UserId, string Slug, string Email, string Password, string AccessToken, string RefreshToken);

/// <summary>Sign-up and sign-in through the real endpoints, for any test that needs a signed-in tenant.</summary>
public static class TestAccounts
{
    public const string DefaultPassword = "correct-horse-battery";

    public static string NewSlug() => $"t-{Guid.NewGuid():N}"[..24];

    public static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.test";

    /// <summary>The sign-up body every test starts from; tests change one field at a time.</summary>
    public static Dictionary<string, object?> RegistrationBody(string? slug = null, string? email = null, string? password = null) => new()
    {
        ["name"] = "Automotores de Prueba",
        ["slug"] = slug ?? NewSlug(),
        ["country"] = "CO",
        ["timeZone"] = "America/Bogota",
        ["currency"] = "COP",
        ["industry"] = "dealership",
        ["displayName"] = "Dueña de Prueba",
        ["email"] = email ?? NewEmail(),
        ["password"] = password ?? DefaultPassword,
    };

    /// <summary>Registers a new tenant and its owner; fails the test unless the Api answers 201.</summary>
    public static async Task<TestAccount> RegisterTenantAsync(HttpClient client, string? slug = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = RegistrationBody(slug, email);
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), body);
        var json = await ReadJsonAsync(response);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}: {json}");
        var tokens = json.GetProperty("tokens");
        return new TestAccount(
            json.GetProperty("tenantId").GetGuid(), json.GetProperty("userId").GetGuid(), json.GetProperty("slug").GetString()!,
            (string)body["email"]!, DefaultPassword, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>Signs in; the response is the caller's to check (200 with tokens, 401, 429).</summary>
    public static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password });
    }

    /// <summary>Signs in and returns the new session's (access, refresh) tokens; fails unless the Api answers 200.</summary>
    public static async Task<(string AccessToken, string RefreshToken)> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await LogInAsync(client, email, password);
        var json = await ReadJsonAsync(response);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}: {json}");
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>
    /// Adds an active user with <paramref name="role"/> to the tenant straight into the users table
    /// (through the fixture's system connection, as invitations would end), then signs it in.
    /// For tests that need a second user or a given role without going through invitations.
    /// </summary>
    public static async Task<TestAccount> AddSignedInUserAsync(HttpClient client, NpgsqlDataSource system, Guid tenantId, string role)
    {
        ArgumentNullException.ThrowIfNull(system);
        var (userId, email) = (Guid.CreateVersion7(), NewEmail());
        await using (var insert = system.CreateCommand("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            values ($1, $2, $3, 'Usuario de Prueba', $4, 'active', $5, $6, 1, now(), now())
            """))
        {
            foreach (var value in new object[] { tenantId, userId, email, role, Passwords.Hash(DefaultPassword), Guid.NewGuid() })
                insert.Parameters.Add(new() { Value = value });
            await insert.ExecuteNonQueryAsync();
        }
        await using var slug = system.CreateCommand("select slug from tenants where tenant_id = $1");
        slug.Parameters.Add(new() { Value = tenantId });
        var (access, refresh) = await SignInAsync(client, email, DefaultPassword);
        return new TestAccount(tenantId, userId, (string)(await slug.ExecuteScalarAsync())!, email, DefaultPassword, access, refresh);
    }

    /// <summary>A client for the same host that sends <paramref name="accessToken"/> on every request. Dispose it.</summary>
    public static HttpClient WithBearer(this HttpClient client, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var authorized = new HttpClient { BaseAddress = client.BaseAddress };
        authorized.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return authorized;
    }

    public static HttpClient WithBearer(this HttpClient client, TestAccount account) => client.WithBearer(account.AccessToken);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
