using Npgsql;

namespace Platform.Write.Leads;

/// <summary>An active tenant as another tenant or an anonymous caller may know it: its id and name.</summary>
public sealed record DirectoryTenant(Guid TenantId, string Slug, string Name);

/// <summary>
/// Finds an active tenant by its public slug. No tenant is set yet (an anonymous webhook, a referral to
/// another tenant), so row-level security would hide every tenant from the application role: the lookup
/// runs on the system connection and answers only the tenant's id, slug and name.
/// </summary>
public sealed class TenantDirectory(NpgsqlDataSource system)
{
    private const int MaxSlugLength = 40;

    public async Task<DirectoryTenant?> FindAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxSlugLength || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            return null;
        await using var command = system.CreateCommand("select tenant_id, slug, name from tenants where slug = $1 and status = 'active'");
        command.Parameters.Add(new() { Value = slug });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new DirectoryTenant(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)) : null;
    }
}
