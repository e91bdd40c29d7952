using MediatR;
using Platform.Write.Catalog;

namespace Platform.Api.Demo;

/// <summary>
/// The demo dealership sells a few brands and models beyond a new dealership's starting lists
/// (Honda, Jeep, Mitsubishi...); it adds them as an owner would, keeping whatever the lists hold.
/// </summary>
internal static class DemoReferenceLists
{
    public static async Task EnsureAsync(IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        var brands = DemoVehicles.Models.Select(m => new ReferenceItem(m.Brand, m.Brand)).DistinctBy(b => b.Value);
        var models = DemoVehicles.Models.Select(m => new ReferenceItem(m.Model, m.Model, m.Brand));
        await AddAsync(mediator, ReferenceLists.Brands, brands, ct);
        await AddAsync(mediator, ReferenceLists.Models, models, ct);
    }

    private static async Task AddAsync(IMediator mediator, string list, IEnumerable<ReferenceItem> wanted, CancellationToken ct)
    {
        var current = await mediator.Send(new GetReferenceList(list), ct);
        var missing = wanted.Where(w => !current.Items.Any(c => Same(c.Value, w.Value) && Same(c.Parent, w.Parent))).ToList();
        if (missing.Count == 0) return;
        await mediator.Send(new ChangeReferenceList(list, [.. current.Items, .. missing], current.Version), ct);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
