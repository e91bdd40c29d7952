using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Rewrites what a listing says (not its kind, price or status).</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ReviseListing(
    Guid ListingId, string Title, string? Description, string City, IReadOnlyList<string>? Images, bool Featured,
    VehicleSpec? Vehicle, PropertySpec? Property, ProductSpec? Product, long? ExpectedVersion = null)
    : MediatR.IRequest<ListingChanged>, IListingContent;

public sealed class ReviseListingValidator : AbstractValidator<ReviseListing>
{
    public ReviseListingValidator(TimeProvider time) => Include(new ListingContentValidator(time));
}

public sealed class ReviseListingHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : ListingCommandHandler<ReviseListing>(context, database, append, serializer, time)
{
    protected override Guid ListingIdOf(ReviseListing request) => request.ListingId;

    protected override long? ExpectedVersionOf(ReviseListing request) => request.ExpectedVersion;

    protected override async Task<Listing.Command> DecisionAsync(TenantTransaction tx, ReviseListing request, ListingState state, CancellationToken ct)
    {
        var mismatches = ListingContentValidator.KindMismatches(state.Kind, request).ToList();
        if (mismatches.Count > 0)
            throw new ValidationException(mismatches.Select(m => new FluentValidation.Results.ValidationFailure(m.Field, m.Message)));
        await VehicleCatalogCheck.EnsureKnownAsync(tx, Serializer, request.Vehicle, ct);
        return new Listing.Revise(ListingContentValidator.ToContent(request));
    }
}
