using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

public sealed record ListingState(Guid ListingId, ListingKind Kind, ListingContent Content, Money Price, ListingStatus Status)
{
    /// <summary>Draft, published and reserved listings are the tenant's inventory, which the plan limits.</summary>
    public bool HoldsPlace => Status is ListingStatus.Draft or ListingStatus.Published or ListingStatus.Reserved;
}

/// <summary>A catalog listing: its state is a fold of its stream; decisions are pure.</summary>
public static class Listing
{
    public abstract record Command;

    /// <summary><paramref name="Held"/>: the tenant's listings holding a place of the plan now.</summary>
    public sealed record Create(Guid ListingId, ListingKind Kind, ListingContent Content, Money Price, Plan Plan, long Held) : Command;

    public sealed record Revise(ListingContent Content) : Command;

    public sealed record ChangePrice(Money Price) : Command;

    public sealed record ChangeStatus(ListingStatus To, Plan Plan, long Held) : Command;

    private static readonly Dictionary<ListingStatus, ListingStatus[]> Transitions = new()
    {
        [ListingStatus.Draft] = [ListingStatus.Published, ListingStatus.Withdrawn],
        [ListingStatus.Published] = [ListingStatus.Draft, ListingStatus.Reserved, ListingStatus.Sold, ListingStatus.Withdrawn],
        [ListingStatus.Reserved] = [ListingStatus.Published, ListingStatus.Sold, ListingStatus.Withdrawn],
        [ListingStatus.Sold] = [],
        [ListingStatus.Withdrawn] = [ListingStatus.Draft],
    };

    public static ListingState? Evolve(ListingState? state, object @event) => (state, @event) switch
    {
        (null, ListingCreated c) => new ListingState(c.ListingId, c.Kind, c.Content, c.Price, ListingStatus.Draft),
        ({ } s, ListingRevised r) => s with { Content = r.Content },
        ({ } s, ListingPriceChanged p) => s with { Price = p.To },
        ({ } s, ListingStatusChanged c) => s with { Status = c.To },
        _ => state,
    };

    public static ListingState? Fold(IEnumerable<object> events) => events.Aggregate((ListingState?)null, Evolve);

    public static IReadOnlyList<object> Decide(ListingState? state, Command command) => command switch
    {
        Create c => state is null ? DecideCreate(c) : throw new ConflictException("listing-exists", "La publicación ya existe."),
        Revise c => Same(Editable(state).Content, c.Content) ? [] : [new ListingRevised(state!.ListingId, c.Content)],
        ChangePrice c => Editable(state).Price == c.Price ? [] : [new ListingPriceChanged(state!.ListingId, state.Price, c.Price)],
        ChangeStatus c => DecideStatus(state ?? throw new NotFoundException("la publicación"), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a listing command."),
    };

    private static IReadOnlyList<object> DecideCreate(Create command)
    {
        command.Plan.EnsureRoom(PlanResources.CatalogItems, command.Held);
        return [new ListingCreated(command.ListingId, command.Kind, command.Content, command.Price)];
    }

    private static bool Same(ListingContent a, ListingContent b) =>
        a with { Images = [] } == b with { Images = [] } && a.Images.SequenceEqual(b.Images, StringComparer.Ordinal);

    private static ListingState Editable(ListingState? state)
    {
        if (state is null) throw new NotFoundException("la publicación");
        if (state.Status == ListingStatus.Sold) throw new ConflictException("listing-sold", "La publicación ya está vendida y no se puede modificar.");
        return state;
    }

    private static IReadOnlyList<object> DecideStatus(ListingState state, ChangeStatus command)
    {
        if (state.Status == command.To) return [];
        if (!Transitions[state.Status].Contains(command.To))
        {
            var error = new DomainException("invalid-status-transition", "La publicación no puede pasar a ese estado desde el actual.");
            error.Details["from"] = state.Status.ToString().ToLowerInvariant();
            error.Details["to"] = command.To.ToString().ToLowerInvariant();
            throw error;
        }
        if (!state.HoldsPlace) command.Plan.EnsureRoom(PlanResources.CatalogItems, command.Held);
        return [new ListingStatusChanged(state.ListingId, state.Status, command.To)];
    }
}
