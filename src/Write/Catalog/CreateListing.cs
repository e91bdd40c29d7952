using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>Adds a listing to the catalog as a draft; publishing it is a separate step.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record CreateListing(
    ListingKind? Kind, string Title, string? Description, string City, IReadOnlyList<string>? Images, bool Featured, Money Price,
    VehicleSpec? Vehicle, PropertySpec? Property, ProductSpec? Product) : IRequest<ListingChanged>, IListingContent;

/// <summary>The listing and the version of its stream after the change: its new ETag.</summary>
public sealed record ListingChanged(Guid ListingId, long Version);

public sealed class CreateListingValidator : AbstractValidator<CreateListing>
{
    public CreateListingValidator(TimeProvider time)
    {
        Include(new ListingContentValidator(time));
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Price).NotNull().SetValidator(new MoneyValidator());
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.Kind is not { } kind) return;
            foreach (var (field, message) in ListingContentValidator.KindMismatches(kind, command))
                context.AddFailure(field, message);
        });
    }
}

public sealed class CreateListingHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<CreateListing, ListingChanged>
{
    public async Task<ListingChanged> Handle(CreateListing request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await ListingRows.LockInventoryAsync(tx, cancellationToken);
        await VehicleCatalogCheck.EnsureKnownAsync(tx, serializer, request.Vehicle, cancellationToken);
        var plan = await ListingRows.PlanAsync(tx, cancellationToken);
        var held = await ListingRows.HeldAsync(tx, cancellationToken);

        var id = Guid.CreateVersion7();
        var price = request.Price with { Currency = CurrencyCodes.Normalize(request.Price.Currency) };
        var events = Listing.Decide(null, new Listing.Create(id, request.Kind!.Value, ListingContentValidator.ToContent(request), price, plan, held));
        var result = await append.AppendAsync(tx, CatalogEvents.ListingStream(id), ExpectedVersion.NoStream, events.Select(context.Event).ToList(), cancellationToken);
        await ListingRows.UpsertAsync(tx, Listing.Fold(events)!, result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ListingChanged(id, result.StreamVersion);
    }
}
