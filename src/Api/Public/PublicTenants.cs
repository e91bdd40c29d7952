using Npgsql;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Public;

/// <summary>What a buyer's page needs to know of the business whose catalog it shows.</summary>
internal sealed record PublicTenant(Guid TenantId, string Slug, string Name, string Country, string Currency, string Industry = "dealership")
{
    /// <summary>What the business's catalog holds, as its pages' titles say it.</summary>
    public string Offering => Industry switch
    {
        "dealership" => "vehículos",
        "real-estate" => "inmuebles",
        _ => "productos",
    };
}

/// <summary>
/// Finds the business behind a catalog's public address. Buyers are anonymous, so no tenant is set
/// yet and row-level security would hide every tenant from the application role: the lookup runs
/// on the system connection, and answers only the public fields of an active tenant.
/// </summary>
internal sealed class PublicTenants(NpgsqlDataSource system)
{
    private const int MaxSlugLength = 40;

    /// <summary>The active tenant with that slug, or null (unknown, deactivated, malformed: all the same).</summary>
    public async Task<PublicTenant?> FindAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxSlugLength || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            return null;
        await using var command = system.CreateCommand("select tenant_id, slug, name, country, currency, industry from tenants where slug = $1 and status = $2");
        command.Parameters.Add(new() { Value = slug });
        command.Parameters.Add(new() { Value = TenantStatuses.Active });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new PublicTenant(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }

    /// <summary>As <see cref="FindAsync"/>, for endpoints that answer 404 when the catalog does not exist.</summary>
    public async Task<PublicTenant> GetAsync(string? slug, CancellationToken ct) =>
        await FindAsync(slug, ct) ?? throw new NotFoundException("el catálogo");
}
