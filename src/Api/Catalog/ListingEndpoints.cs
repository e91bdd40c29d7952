using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Catalog;
using Platform.Read.Paging;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Catalog;

/// <summary>/api/listings: the back office's catalog. Changes take If-Match; every answer about one listing carries its ETag.</summary>
internal static class ListingEndpoints
{
    public sealed record ListingContentBody(
        string? Title, string? Description, string? City, IReadOnlyList<string>? Images, bool Featured,
        VehicleSpec? Vehicle, PropertySpec? Property, ProductSpec? Product);

    public sealed record PriceBody(decimal Amount, string? Currency);

    public sealed record StatusBody(ListingStatus? Status);

    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var listings = app.MapGroup("/api/listings").WithTags("Listings");
        listings.MapPost("", Create).Sends<CreateListing>().ProducesProblem(422)
            .WithName("CreateListing").WithSummary("Adds a draft listing (vehicle, property or product); the plan limits the inventory.");
        listings.MapGet("", List).Sends<ListListings>()
            .WithName("ListListings").WithSummary("The tenant's listings, newest first; filter by status and kind; keyset-paginated.");
        listings.MapGet("/{id}", Get).Sends<GetListing>().ProducesProblem(404)
            .WithName("GetListing").WithSummary("One listing with its price history; ETag = version.");
        listings.MapPut("/{id}", Revise).Sends<ReviseListing>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ReviseListing").WithSummary("Rewrites title, description, city, images, featured flag and the kind's attributes.");
        listings.MapPut("/{id}/price", ChangePrice).Sends<ChangeListingPrice>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ChangeListingPrice").WithSummary("Sets a new price; the old one stays in the history.");
        listings.MapPut("/{id}/status", ChangeStatus).Sends<ChangeListingStatus>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422)
            .WithName("ChangeListingStatus").WithSummary("draft, published, reserved, sold or withdrawn, along the allowed transitions.");
        return app;
    }

    private static async Task<Created<ListingChanged>> Create(CreateListing body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var created = await mediator.Send(body, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/listings/{created.ListingId:D}", created);
    }

    private static async Task<Ok<Page<ListingSummary>>> List(
        int? limit, string? cursor, string? status, string? kind, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        if (status is not null && !Enum.GetValues<ListingStatus>().Any(s => Names.Of(s) == status))
            throw new ValidationException([new ValidationFailure("status", "Debe ser draft, published, reserved, sold o withdrawn.")]);
        if (kind is not null && !Enum.GetValues<ListingKind>().Any(k => Names.Of(k) == kind))
            throw new ValidationException([new ValidationFailure("kind", "Debe ser vehicle, property o product.")]);
        return TypedResults.Ok(await mediator.Send(new ListListings(context.Tenant, status, kind, page), ct));
    }

    private static async Task<Ok<ListingView>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var listing = await mediator.Send(new GetListing(id), ct);
        response.SetETag(listing.Version);
        return TypedResults.Ok(listing);
    }

    private static async Task<Ok<ListingChanged>> Revise(Guid id, ListingContentBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ReviseListing(id, body.Title ?? "", body.Description, body.City ?? "", body.Images, body.Featured,
            body.Vehicle, body.Property, body.Product, IfMatch(request)), ct));

    private static async Task<Ok<ListingChanged>> ChangePrice(Guid id, PriceBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ChangeListingPrice(id, new Money(body.Amount, body.Currency ?? ""), IfMatch(request)), ct));

    private static async Task<Ok<ListingChanged>> ChangeStatus(Guid id, StatusBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var status = body.Status ?? throw new ValidationException([new ValidationFailure("status", "Es obligatorio.")]);
        return Changed(response, await mediator.Send(new ChangeListingStatus(id, status, IfMatch(request)), ct));
    }

    private static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }

    private static Ok<ListingChanged> Changed(HttpResponse response, ListingChanged changed)
    {
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }
}
