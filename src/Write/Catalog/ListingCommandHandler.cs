using MediatR;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>
/// The shape of every change to an existing listing: load its stream in the tenant's transaction
/// (another tenant's listing is not there: 404), check If-Match, decide, append, update its row.
/// </summary>
public abstract class ListingCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<TRequest, ListingChanged>
    where TRequest : IRequest<ListingChanged>
{
    protected EventSerializer Serializer => serializer;

    public async Task<ListingChanged> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = ListingIdOf(request);
        var stream = CatalogEvents.ListingStream(id);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        if (LocksInventory) await ListingRows.LockInventoryAsync(tx, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Listing.Fold(events) ?? throw new Domain.NotFoundException("la publicación");
        tx.EnsureExpected(stream, ExpectedVersionOf(request), version);

        var decided = Listing.Decide(state, await DecisionAsync(tx, request, state, cancellationToken));
        if (decided.Count == 0) return new ListingChanged(id, version);
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), decided.Select(context.Event).ToList(), cancellationToken);
        await ListingRows.UpsertAsync(tx, decided.Aggregate((ListingState?)state, Listing.Evolve)!, result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ListingChanged(id, result.StreamVersion);
    }

    /// <summary>Changes that can put a listing back into the inventory take the tenant's inventory lock.</summary>
    protected virtual bool LocksInventory => false;

    protected abstract Guid ListingIdOf(TRequest request);

    protected abstract long? ExpectedVersionOf(TRequest request);

    protected abstract Task<Listing.Command> DecisionAsync(TenantTransaction tx, TRequest request, ListingState state, CancellationToken ct);
}
