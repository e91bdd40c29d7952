using System.Globalization;
using System.Text.Json;
using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>Listing rows of the generation's search table: read a batch's rows, write them back with their search vectors.</summary>
internal static class SearchRows
{
    private const string Columns = """
        tenant_id, listing_id, status, kind, title, description, brand, model, year, km, fuel, transmission, city,
        price, currency, previous_price, featured, images::text, attributes::text, published_at, updated_at
        """;

    public static async Task<Dictionary<(Guid, Guid), ListingDocument>> LoadAsync(
        ProjectionContext context, IReadOnlyCollection<(Guid Tenant, Guid Listing)> keys, CancellationToken ct)
    {
        await using var command = context.CreateCommand($"""
            select {Columns} from {context.Table(CatalogSearchViews.Listings)}
             where (tenant_id, listing_id) in (select * from unnest($1::uuid[], $2::uuid[]))
            """);
        command.Parameters.Add(new() { Value = keys.Select(k => k.Tenant).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Listing).ToArray() });
        var documents = new Dictionary<(Guid, Guid), ListingDocument>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var document = new ListingDocument(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Text(reader, 6), Text(reader, 7), Int(reader, 8), Int(reader, 9), Text(reader, 10), Text(reader, 11), reader.GetString(12),
                reader.GetDecimal(13), reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetDecimal(15), reader.GetBoolean(16),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(17)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(18)) ?? [],
                reader.IsDBNull(19) ? null : reader.GetFieldValue<DateTimeOffset>(19), reader.GetFieldValue<DateTimeOffset>(20));
            documents[(document.TenantId, document.ListingId)] = document;
        }
        return documents;
    }

    /// <summary>Upserts <paramref name="documents"/> in one statement, computing each search vector and score boost.</summary>
    public static NpgsqlBatchCommand Upsert(ProjectionContext context, IReadOnlyList<ListingDocument> documents)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $$"""
            insert into {{context.Table(CatalogSearchViews.Listings)}} as l (
                tenant_id, listing_id, status, kind, title, description, brand, brand_key, model, year, km, fuel, transmission, city, city_key,
                price, currency, previous_price, featured, images, attributes, attribute_keys, published_at, updated_at, boost, search)
            select u.tenant_id, u.listing_id, u.status, u.kind, u.title, u.description, u.brand, u.brand_key, u.model, u.year, u.km, u.fuel,
                   u.transmission, u.city, u.city_key, u.price, u.currency, u.previous_price, u.featured, u.images::jsonb, u.attributes::jsonb,
                   u.attribute_keys::jsonb, u.published_at, u.updated_at,
                   case when u.featured then {{CatalogSearchViews.FeaturedBoost}} else 0 end
                       + coalesce(extract(epoch from u.published_at)::float8, 0) / {{CatalogSearchViews.FreshnessSeconds}},
                   setweight(to_tsvector('{{SearchText.Configuration}}', u.title), 'A')
                   || setweight(to_tsvector('{{SearchText.Configuration}}', coalesce(u.brand, '') || ' ' || coalesce(u.model, '')), 'B')
                   || setweight(to_tsvector('{{SearchText.Configuration}}', u.description), 'C')
                   || setweight(to_tsvector('{{SearchText.Configuration}}', u.facts), 'D')
              from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                          $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::numeric[], $17::text[],
                          $18::numeric[], $19::boolean[], $20::text[], $21::text[], $22::text[], $23::timestamptz[], $24::timestamptz[], $25::text[])
                   as u(tenant_id, listing_id, status, kind, title, description, brand, brand_key, model, year, km, fuel, transmission,
                        city, city_key, price, currency, previous_price, featured, images, attributes, attribute_keys, published_at,
                        updated_at, facts)
            on conflict (tenant_id, listing_id) do update set
                status = excluded.status, kind = excluded.kind, title = excluded.title, description = excluded.description,
                brand = excluded.brand, brand_key = excluded.brand_key, model = excluded.model, year = excluded.year, km = excluded.km,
                fuel = excluded.fuel, transmission = excluded.transmission, city = excluded.city, city_key = excluded.city_key,
                price = excluded.price, currency = excluded.currency, previous_price = excluded.previous_price, featured = excluded.featured,
                images = excluded.images, attributes = excluded.attributes, attribute_keys = excluded.attribute_keys,
                published_at = excluded.published_at, updated_at = excluded.updated_at, boost = excluded.boost, search = excluded.search
            """);
        var d = documents;
        object[] values =
        [
            d.Select(x => x.TenantId).ToArray(), d.Select(x => x.ListingId).ToArray(), d.Select(x => x.Status).ToArray(),
            d.Select(x => x.Kind).ToArray(), d.Select(x => x.Title).ToArray(), d.Select(x => x.Description).ToArray(),
            d.Select(x => x.Brand).ToArray(), d.Select(x => SearchFacts.Key(x.Brand)).ToArray(), d.Select(x => x.Model).ToArray(),
            d.Select(x => x.Year).ToArray(), d.Select(x => x.Km).ToArray(), d.Select(x => x.Fuel).ToArray(),
            d.Select(x => x.Transmission).ToArray(), d.Select(x => x.City).ToArray(), d.Select(x => SearchFacts.Key(x.City)).ToArray(),
            d.Select(x => x.Price).ToArray(), d.Select(x => x.Currency).ToArray(), d.Select(x => x.PreviousPrice).ToArray(),
            d.Select(x => x.Featured).ToArray(), d.Select(x => JsonSerializer.Serialize(x.Images)).ToArray(),
            d.Select(x => JsonSerializer.Serialize(x.Attributes)).ToArray(), d.Select(SearchFacts.AttributeKeys).ToArray(),
            d.Select(x => x.PublishedAt?.ToUniversalTime()).ToArray(), d.Select(x => x.UpdatedAt.ToUniversalTime()).ToArray(),
            d.Select(SearchFacts.Of).ToArray(),
        ];
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static int? Int(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
}
