using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>One listing as its stream says now, with every price it had; the version is its ETag.</summary>
[Authorize]
public sealed record GetListing(Guid ListingId) : IRequest<ListingView>;

public sealed record PriceChange(decimal Amount, string Currency, DateTimeOffset Since);

public sealed record ListingView(
    Guid ListingId, string Kind, string Status, ListingContent Content, Money Price, IReadOnlyList<PriceChange> PriceHistory,
    long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class GetListingHandler(CommandContext context, TenantDatabase database, EventSerializer serializer)
    : IRequestHandler<GetListing, ListingView>
{
    public async Task<ListingView> Handle(GetListing request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await using var command = tx.Command(
            "select version, type, data::text, recorded_at from events where tenant_id = $1 and stream_id = $2 order by version",
            tx.TenantId, CatalogEvents.ListingStream(request.ListingId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        ListingState? state = null;
        var history = new List<PriceChange>();
        long version = 0;
        DateTimeOffset created = default, updated = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            var data = serializer.Deserialize(reader.GetString(1), reader.GetString(2));
            updated = reader.GetFieldValue<DateTimeOffset>(3);
            if (data is ListingCreated c)
            {
                created = updated;
                history.Add(new PriceChange(c.Price.Amount, c.Price.Currency, updated));
            }
            if (data is ListingPriceChanged p) history.Add(new PriceChange(p.To.Amount, p.To.Currency, updated));
            if (data is not null) state = Listing.Evolve(state, data);
        }
        if (state is null) throw new Domain.NotFoundException("la publicación");
        return new ListingView(state.ListingId, Names.Of(state.Kind), Names.Of(state.Status), state.Content, state.Price, history, version, created, updated);
    }
}
