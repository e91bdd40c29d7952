using FluentValidation;
using FluentValidation.Results;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>A tenant that keeps brand and model lists only lists vehicles of those brands and models.</summary>
internal static class VehicleCatalogCheck
{
    public static async Task EnsureKnownAsync(TenantTransaction tx, EventSerializer serializer, VehicleSpec? vehicle, CancellationToken ct)
    {
        if (vehicle is null) return;
        var brands = ReferenceLists.Fold((await tx.ReadStreamAsync(serializer, ReferenceLists.Stream(ReferenceLists.Brands), ct)).Events);
        if (brands.Count == 0) return;
        if (!brands.Any(b => Same(b.Value, vehicle.Brand)))
            throw Invalid("vehicle.brand", "No está en la lista de marcas de la empresa.");
        var models = ReferenceLists.Fold((await tx.ReadStreamAsync(serializer, ReferenceLists.Stream(ReferenceLists.Models), ct)).Events)
            .Where(m => Same(m.Parent, vehicle.Brand)).ToList();
        if (models.Count > 0 && !models.Any(m => Same(m.Value, vehicle.Model)))
            throw Invalid("vehicle.model", "No está en la lista de modelos de esa marca.");
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
