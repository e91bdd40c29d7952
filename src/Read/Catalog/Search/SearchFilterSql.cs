using System.Text.Json;

namespace Platform.Read.Catalog.Search;

/// <summary>The match of a search as SQL: its scope, its text query and every filter. Text filters compare folded keys.</summary>
internal static class SearchFilterSql
{
    public const string Weights = "'{0.1, 0.2, 0.4, 1.0}'";

    /// <summary>Appends <c>from ... s where ...</c>; <paramref name="tsquery"/> is the placeholder of the text query, if any.</summary>
    public static void AppendMatch(SqlText sql, SearchScope scope, string? tsquery, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filters);
        scope.AppendBase(sql);
        if (tsquery is not null) sql.Append($" and s.search @@ {tsquery}");
        if (filters.Kind is { } kind) sql.Append($" and s.kind = {sql.Param(kind, "text")}");
        if (filters.PriceMin is { } priceMin) sql.Append($" and s.price >= {sql.Param(priceMin, "numeric")}");
        if (filters.PriceMax is { } priceMax) sql.Append($" and s.price <= {sql.Param(priceMax, "numeric")}");
        if (filters.YearMin is { } yearMin) sql.Append($" and s.year >= {sql.Param(yearMin, "int")}");
        if (filters.YearMax is { } yearMax) sql.Append($" and s.year <= {sql.Param(yearMax, "int")}");
        if (filters.KmMax is { } kmMax) sql.Append($" and s.km <= {sql.Param(kmMax, "int")}");
        AnyOf(sql, "s.brand_key", filters.Brands);
        AnyOf(sql, "s.fuel", filters.Fuels);
        AnyOf(sql, "s.transmission", filters.Transmissions);
        AnyOf(sql, "s.city_key", filters.Cities);
        if (filters.Attributes is { Count: > 0 } attributes)
        {
            var folded = attributes.ToDictionary(a => a.Key, a => SearchText.Fold(a.Value.Trim()), StringComparer.Ordinal);
            sql.Append($" and s.attribute_keys @> {sql.Param(JsonSerializer.Serialize(folded), "jsonb")}");
        }
    }

    private static void AnyOf(SqlText sql, string column, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 }) return;
        var keys = values.Select(v => SearchText.Fold(v.Trim())).Distinct(StringComparer.Ordinal).ToArray();
        sql.Append($" and {column} = any({sql.Param(keys, "text[]")})");
    }
}
