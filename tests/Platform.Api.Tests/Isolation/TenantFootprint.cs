using System.Net.Http.Json;
using Npgsql;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// Tenant A as the cross-tenant tests know it: the ids another tenant may try, the strings no answer
/// to another tenant may contain, and a fingerprint of its stored state that must not change.
/// </summary>
internal sealed record TenantFootprint(TestAccount Owner, IReadOnlyList<string> Ids, IReadOnlyList<string> Secrets)
{
    public static async Task<TenantFootprint> CreateAsync(HttpClient client, NpgsqlDataSource system)
    {
        var owner = await TestAccounts.RegisterTenantAsync(client);
        using var signedIn = client.WithBearer(owner);
        using var invite = await signedIn.PostAsJsonAsync(new Uri("/api/users/invite", UriKind.Relative), new { email = TestAccounts.NewEmail(), role = "sales" });
        var invited = (await TestAccounts.ReadJsonAsync(invite)).GetProperty("userId").GetGuid();
        var sales = await TestAccounts.AddSignedInUserAsync(client, system, owner.TenantId, "sales");
        using var created = await signedIn.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), Catalog.ListingSamples.Vehicle());
        var listing = (await TestAccounts.ReadJsonAsync(created)).GetProperty("listingId").GetGuid();
        var customer = await Customers.CustomerRequests.CreateAsync(signedIn, Customers.CustomerRequests.Body("Cliente Secreto De A", "300 999 0001", "secreto-de-a@example.test"));

        var lead = await Leads.LeadRequests.CreateAsync(signedIn, Leads.LeadRequests.Body("Cliente Secreto De A", "300 999 0001", "secreto-de-a@example.test"));

        var ids = new List<string> { owner.TenantId.ToString(), owner.UserId.ToString(), invited.ToString(), sales.UserId.ToString(), listing.ToString(), customer.ToString(), lead.ToString() };
        ids.AddRange(await Pipeline.PipelineFootprint.CreateAsync(signedIn, system, owner.TenantId));
        await using var sessions = system.CreateCommand("select session_id from sessions where tenant_id = $1");
        sessions.Parameters.Add(new() { Value = owner.TenantId });
        await using (var reader = await sessions.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        }
        var secrets = ids.Concat(ids.Select(id => Guid.Parse(id).ToString("N"))).Concat([owner.Slug, owner.Email, sales.Email, "Cliente Secreto De A", "secreto-de-a@example.test"]).ToList();
        return new TenantFootprint(owner, ids, secrets);
    }

    /// <summary>Everything stored for the tenant, as one comparable value.</summary>
    public async Task<string> FingerprintAsync(NpgsqlDataSource system)
    {
        ArgumentNullException.ThrowIfNull(system);
        await using var command = system.CreateCommand("""
            select concat_ws('|',
              (select count(*) || ':' || coalesce(max(position), 0) from events where tenant_id = $1),
              (select string_agg(concat_ws(',', name, plan, status, version, settings::text), ';') from tenants where tenant_id = $1),
              (select string_agg(concat_ws(',', user_id, role, status, version, security_stamp), ';' order by user_id) from users where tenant_id = $1),
              (select string_agg(concat_ws(',', session_id, revoked_at, refresh_generation), ';' order by session_id) from sessions where tenant_id = $1),
              (select count(*) from invitations where tenant_id = $1),
              (select string_agg(concat_ws(',', listing_id, status, version), ';' order by listing_id) from listings where tenant_id = $1),
              (select string_agg(concat_ws(',', customer_id, version), ';' order by customer_id) from customers where tenant_id = $1),
              (select string_agg(concat_ws(',', lead_id, status, assignee_id, version), ';' order by lead_id) from leads where tenant_id = $1))
            """);
        command.Parameters.Add(new() { Value = Owner.TenantId });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
