using FluentValidation;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>The fields a listing's author writes, shared by creation and revision.</summary>
public interface IListingContent
{
    string Title { get; }
    string? Description { get; }
    string City { get; }
    IReadOnlyList<string>? Images { get; }
    bool Featured { get; }
    VehicleSpec? Vehicle { get; }
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Named after the listing kind it describes, as the API spells it.")]
    PropertySpec? Property { get; }
    ProductSpec? Product { get; }
}

public sealed class ListingContentValidator : AbstractValidator<IListingContent>
{
    public const int MaxImages = 20;
    public static readonly string[] Fuels = ["gasoline", "diesel", "hybrid", "electric", "gas"];
    public static readonly string[] Transmissions = ["manual", "automatic"];
    public static readonly string[] Conditions = ["new", "used"];
    public static readonly string[] Operations = ["sale", "rent"];
    public static readonly string[] PropertyTypes = ["house", "apartment", "land", "office", "commercial", "warehouse"];

    public ListingContentValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(c => c.Title).NotEmpty().Length(3, 120);
        RuleFor(c => c.Description).MaximumLength(5000);
        RuleFor(c => c.City).NotEmpty().Length(2, 80);
        RuleFor(c => c.Images).Must(i => i is null || i.Count <= MaxImages).WithMessage($"Hasta {MaxImages} imágenes.");
        RuleForEach(c => c.Images).NotEmpty().MaximumLength(500).Must(IsImageUrl).WithMessage("Debe ser una URL http(s) de imagen.");
        RuleFor(c => c.Vehicle!).ChildRules(v =>
        {
            v.RuleFor(x => x.Brand).NotEmpty().MaximumLength(60);
            v.RuleFor(x => x.Model).NotEmpty().MaximumLength(60);
            v.RuleFor(x => x.Version).MaximumLength(80);
            v.RuleFor(x => x.Year).InclusiveBetween(1950, time.GetUtcNow().Year + 1);
            v.RuleFor(x => x.Km).InclusiveBetween(0, 2_000_000);
            v.RuleFor(x => x.Fuel).Must(f => Fuels.Contains(f)).WithMessage($"Debe ser uno de: {string.Join(", ", Fuels)}.");
            v.RuleFor(x => x.Transmission).Must(t => Transmissions.Contains(t)).WithMessage($"Debe ser uno de: {string.Join(", ", Transmissions)}.");
            v.RuleFor(x => x.Color).MaximumLength(40);
            v.RuleFor(x => x.Condition).Must(c => Conditions.Contains(c)).WithMessage("Debe ser new o used.");
        }).When(c => c.Vehicle is not null);
        RuleFor(c => c.Property!).ChildRules(p =>
        {
            p.RuleFor(x => x.Operation).Must(o => Operations.Contains(o)).WithMessage("Debe ser sale o rent.");
            p.RuleFor(x => x.Type).Must(t => PropertyTypes.Contains(t)).WithMessage($"Debe ser uno de: {string.Join(", ", PropertyTypes)}.");
            p.RuleFor(x => x.Rooms).InclusiveBetween(0, 100);
            p.RuleFor(x => x.Bathrooms).InclusiveBetween(0, 50);
            p.RuleFor(x => x.Area).InclusiveBetween(1, 1_000_000);
            p.RuleFor(x => x.Zone).MaximumLength(80);
        }).When(c => c.Property is not null);
        RuleFor(c => c.Product!).ChildRules(p =>
        {
            p.RuleFor(x => x.Sku).NotEmpty().MaximumLength(60);
            p.RuleFor(x => x.Category).NotEmpty().MaximumLength(60);
            p.RuleFor(x => x.Stock).InclusiveBetween(0, 1_000_000);
        }).When(c => c.Product is not null);
    }

    public static bool IsImageUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The spec of the listing's kind must be there, and no other.</summary>
    public static IEnumerable<(string Field, string Message)> KindMismatches(ListingKind kind, IListingContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var given = new (string Field, bool Present, ListingKind Kind)[]
        {
            ("vehicle", content.Vehicle is not null, ListingKind.Vehicle),
            ("property", content.Property is not null, ListingKind.Property),
            ("product", content.Product is not null, ListingKind.Product),
        };
        foreach (var (field, present, of) in given)
        {
            if (of == kind && !present) yield return (field, "Es obligatorio para este tipo de publicación.");
            if (of != kind && present) yield return (field, "No corresponde a este tipo de publicación.");
        }
    }

    public static ListingContent ToContent(IListingContent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ListingContent(input.Title.Trim(), input.Description?.Trim() ?? "", input.City.Trim(), input.Images ?? [], input.Featured,
            input.Vehicle, input.Property, input.Product);
    }
}

public sealed class MoneyValidator : AbstractValidator<Money>
{
    public MoneyValidator()
    {
        RuleFor(m => m.Amount).GreaterThan(0).LessThan(1_000_000_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(m => m.Currency).Must(CurrencyCodes.IsKnown).WithMessage("Debe ser un código ISO 4217, por ejemplo COP.");
    }
}
