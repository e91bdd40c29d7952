using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Sets a new price; the old one stays in the listing's history.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ChangeListingPrice(Guid ListingId, Money Price, long? ExpectedVersion = null) : MediatR.IRequest<ListingChanged>;

public sealed class ChangeListingPriceValidator : AbstractValidator<ChangeListingPrice>
{
    public ChangeListingPriceValidator() => RuleFor(c => c.Price).NotNull().SetValidator(new MoneyValidator());
}

public sealed class ChangeListingPriceHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : ListingCommandHandler<ChangeListingPrice>(context, database, append, serializer, time)
{
    protected override Guid ListingIdOf(ChangeListingPrice request) => request.ListingId;

    protected override long? ExpectedVersionOf(ChangeListingPrice request) => request.ExpectedVersion;

    protected override Task<Listing.Command> DecisionAsync(TenantTransaction tx, ChangeListingPrice request, ListingState state, CancellationToken ct) =>
        Task.FromResult<Listing.Command>(new Listing.ChangePrice(request.Price with { Currency = CurrencyCodes.Normalize(request.Price.Currency) }));
}
