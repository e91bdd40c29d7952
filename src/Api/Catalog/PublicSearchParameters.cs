using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Platform.Read.Catalog.Search;
using Platform.Read.Paging;
using Platform.Write.Catalog;

namespace Platform.Api.Catalog;

/// <summary>
/// The query string of a public search, read by hand so that every parameter, including one the
/// API does not know, is checked and a bad one answers 400 naming it. Lists repeat their parameter
/// (brand=Toyota&amp;brand=Mazda); any other attribute filters as attr.{name}=value.
/// </summary>
internal static partial class PublicSearchParameters
{
    private const int MaxText = 200;
    private const int MaxValues = 20;
    private const int MaxAttributes = 10;

    private static readonly string[] Known =
        ["q", "kind", "priceMin", "priceMax", "yearMin", "yearMax", "kmMax", "brand", "fuel", "transmission", "city", "sort", "cursor", "limit"];

    private static readonly Dictionary<string, SearchSort> Sorts = new(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance, ["price-asc"] = SearchSort.PriceAsc, ["price-desc"] = SearchSort.PriceDesc,
        ["year-desc"] = SearchSort.YearDesc, ["newest"] = SearchSort.Newest,
    };

    public static SearchQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationFailure>();
        var reader = new QueryReader(query, errors);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase) && !IsAttribute(k)))
            errors.Add(new(key, "No es un parámetro de búsqueda."));

        // Not trimmed: a trailing space says the last word is finished, so it is no longer a prefix.
        var text = reader.Single("q", trim: false);
        if (text?.Length > MaxText) errors.Add(new("q", $"Hasta {MaxText} caracteres."));
        var kind = reader.OneOf("kind", ["vehicle", "property", "product"]);
        var priceMin = reader.Number("priceMin", 0m, 1_000_000_000_000m);
        var priceMax = reader.Number("priceMax", 0m, 1_000_000_000_000m);
        if (priceMin > priceMax) errors.Add(new("priceMax", "Debe ser mayor o igual que priceMin."));
        var yearMin = reader.Integer("yearMin", 1900, 2100);
        var yearMax = reader.Integer("yearMax", 1900, 2100);
        if (yearMin > yearMax) errors.Add(new("yearMax", "Debe ser mayor o igual que yearMin."));
        var filters = new SearchFilters(
            kind, priceMin, priceMax, yearMin, yearMax, reader.Integer("kmMax", 0, 10_000_000),
            reader.List("brand", 60), reader.List("fuel", 20, ListingContentValidator.Fuels),
            reader.List("transmission", 20, ListingContentValidator.Transmissions), reader.List("city", 80), Attributes(query, errors));
        var sort = reader.OneOf("sort", [.. Sorts.Keys]) is { } name ? Sorts[name] : SearchSort.Relevance;
        var limit = reader.Integer("limit", int.MinValue, int.MaxValue);
        var search = new SearchQuery(null, text, filters, sort, PageRequest.Of(limit, reader.Single("cursor")));
        if (errors.Count > 0) throw new ValidationException(errors);
        return search;
    }

    /// <summary>A cursor continues the query that wrote it, for the tenant it was written for.</summary>
    public static void EnsureCursorFits(SearchQuery query)
    {
        if (!SearchCursor.Fits(query))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta búsqueda; usa el nextCursor recibido.")]);
    }

    private static bool IsAttribute(string key) => key.StartsWith("attr.", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string>? Attributes(IQueryCollection query, List<ValidationFailure> errors)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(IsAttribute))
        {
            var name = key["attr.".Length..];
            var values = query[key];
            if (!AttributeName().IsMatch(name)) errors.Add(new(key, "El atributo se escribe en minúsculas, por ejemplo attr.color."));
            else if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]) || values[0]!.Length > 80)
                errors.Add(new(key, "Indica un solo valor de hasta 80 caracteres."));
            else attributes[name] = values[0]!;
        }
        if (attributes.Count > MaxAttributes) errors.Add(new("attr", $"Hasta {MaxAttributes} atributos."));
        return attributes.Count == 0 ? null : attributes;
    }

    [GeneratedRegex("^[a-z][a-z_]{0,29}$")]
    private static partial Regex AttributeName();

    private sealed class QueryReader(IQueryCollection query, List<ValidationFailure> errors)
    {
        public string? Single(string name, bool trim = true)
        {
            var values = query[name];
            if (values.Count == 0) return null;
            if (values.Count > 1) errors.Add(new(name, "Indica un solo valor."));
            return string.IsNullOrWhiteSpace(values[0]) ? null : trim ? values[0]!.Trim() : values[0];
        }

        public string? OneOf(string name, string[] allowed)
        {
            var value = Single(name);
            if (value is null || allowed.Contains(value, StringComparer.Ordinal)) return value;
            errors.Add(new(name, $"Debe ser uno de: {string.Join(", ", allowed)}."));
            return null;
        }

        public decimal? Number(string name, decimal min, decimal max) =>
            Parse<decimal>(name, v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null,
                $"Debe ser un número entre {min.ToString(CultureInfo.InvariantCulture)} y {max.ToString(CultureInfo.InvariantCulture)}.");

        public int? Integer(string name, int min, int max) =>
            Parse<int>(name, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : (int?)null,
                min == int.MinValue ? "Debe ser un número entero." : $"Debe ser un número entero entre {min} y {max}.");

        public List<string>? List(string name, int maxLength, string[]? allowed = null)
        {
            var values = query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (values.Count == 0) return null;
            if (values.Count > MaxValues) errors.Add(new(name, $"Hasta {MaxValues} valores."));
            if (values.Any(v => v.Length > maxLength)) errors.Add(new(name, $"Cada valor tiene hasta {maxLength} caracteres."));
            if (allowed is not null && values.Any(v => !allowed.Contains(v, StringComparer.Ordinal)))
                errors.Add(new(name, $"Cada valor debe ser uno de: {string.Join(", ", allowed)}."));
            return values;
        }

        private T? Parse<T>(string name, Func<string, T?> parse, string message) where T : struct
        {
            var value = Single(name);
            if (value is null) return null;
            var parsed = parse(value);
            if (parsed is null) errors.Add(new(name, message));
            return parsed;
        }
    }
}
