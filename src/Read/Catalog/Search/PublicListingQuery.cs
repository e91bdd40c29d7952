using System.Text.Json;
using Npgsql;

namespace Platform.Read.Catalog.Search;

/// <summary>One published listing of the tenant the transaction is set to; a draft, a withdrawn one or another tenant's is null.</summary>
internal static class PublicListingQuery
{
    private static readonly string Sql = $"""
        select s.listing_id, s.tenant_id, t.slug, t.name, s.kind, s.title, s.description, s.city, s.price, s.currency, s.previous_price,
               s.featured, s.images::text, s.attributes::text, s.published_at, s.updated_at
          from {CatalogSearchViews.Listings} s join {CatalogSearchViews.Tenants} t on t.tenant_id = s.tenant_id
         where s.tenant_id = $1 and s.listing_id = $2 and s.status = 'published' and t.active
        """;

    public static async Task<PublicListing?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid listingId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = listingId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new PublicListing(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), reader.GetString(7), reader.GetDecimal(8), reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetDecimal(10),
            reader.GetBoolean(11), JsonSerializer.Deserialize<List<string>>(reader.GetString(12)) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(13)) ?? [],
            reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15));
    }
}
