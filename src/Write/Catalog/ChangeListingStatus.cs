using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Publishes, reserves, sells, withdraws or returns a listing to draft, along the allowed transitions.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ChangeListingStatus(Guid ListingId, ListingStatus Status, long? ExpectedVersion = null) : MediatR.IRequest<ListingChanged>;

public sealed class ChangeListingStatusValidator : AbstractValidator<ChangeListingStatus>
{
    public ChangeListingStatusValidator() => RuleFor(c => c.Status).IsInEnum();
}

public sealed class ChangeListingStatusHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : ListingCommandHandler<ChangeListingStatus>(context, database, append, serializer, time)
{
    protected override bool LocksInventory => true;

    protected override Guid ListingIdOf(ChangeListingStatus request) => request.ListingId;

    protected override long? ExpectedVersionOf(ChangeListingStatus request) => request.ExpectedVersion;

    protected override async Task<Listing.Command> DecisionAsync(TenantTransaction tx, ChangeListingStatus request, ListingState state, CancellationToken ct) =>
        new Listing.ChangeStatus(request.Status, await ListingRows.PlanAsync(tx, ct), await ListingRows.HeldAsync(tx, ct));
}
