using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>
/// A buyer asks about one of a tenant's published listings, without signing in. The tenant comes
/// from the catalog's public address (its slug, resolved by the Api), never from the body.
/// <paramref name="Source"/> says where the request came from: the catalog page's form or the API.
/// </summary>
[AllowAnonymous]
public sealed record RequestQuote(
    Guid TenantId, Guid ListingId, string Name, string Phone, string Email, string Message, bool Consent, string Source) : IRequest<QuoteAccepted>
{
    // A logged request must not carry the buyer's contact details.
    public override string ToString() => $"RequestQuote {{ TenantId = {TenantId}, ListingId = {ListingId}, Source = {Source} }}";
}

public sealed record QuoteAccepted(Guid QuoteId);

public static class QuoteSources
{
    public const string CatalogPage = "catalog-page";
    public const string PublicApi = "public-api";
}

public sealed class RequestQuoteHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<RequestQuote, QuoteAccepted>
{
    public async Task<QuoteAccepted> Handle(RequestQuote request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        context.ActFor(request.TenantId);
        context.Source = request.Source;
        await using var tx = await database.BeginAsync(request.TenantId, cancellationToken);
        // Read in the tenant's transaction: another tenant's listing is not there, exactly like a missing one.
        var (events, _) = await tx.ReadStreamAsync(serializer, CatalogEvents.ListingStream(request.ListingId), cancellationToken);
        var listing = Listing.Fold(events);
        if (listing is not { Status: ListingStatus.Published }) throw new NotFoundException("la publicación");

        var quoteId = Guid.CreateVersion7();
        var requested = new QuoteRequested(quoteId, listing.ListingId, listing.Content.Title, request.Name.Trim(), request.Phone.Trim(),
            QuoteRules.NormalizeEmail(request.Email), request.Message.Trim(), request.Consent, request.Source);
        await append.AppendAsync(tx, CatalogEvents.QuoteStream(quoteId), ExpectedVersion.NoStream, [context.Event(requested)], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new QuoteAccepted(quoteId);
    }
}
