using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Api.Catalog;

/// <summary>/api/catalog/reference-lists/{list}: the tenant's brands, models (each with its brand) and state labels.</summary>
internal static class ReferenceListEndpoints
{
    public sealed record ReferenceListBody(IReadOnlyList<ReferenceItem>? Items);

    public static IEndpointRouteBuilder MapReferenceListEndpoints(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/catalog/reference-lists").WithTags("Listings");
        lists.MapGet("/{list}", Get).Sends<GetReferenceList>().ProducesProblem(404)
            .WithName("GetReferenceList").WithSummary("brands, models or listing-states; ETag = version.");
        lists.MapPut("/{list}", Change).Sends<ChangeReferenceList>().ProducesProblem(404).ProducesProblem(412)
            .WithName("ChangeReferenceList").WithSummary("Replaces the list. With a brands list, vehicle listings must name one of its brands.");
        return app;
    }

    private static async Task<Ok<ReferenceListView>> Get(string list, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new GetReferenceList(list), ct);
        response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> Change(string list, ReferenceListBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        var version = await mediator.Send(new ChangeReferenceList(list, body.Items ?? [], expected.IsAny ? null : expected.Value), ct);
        response.SetETag(version);
        return TypedResults.NoContent();
    }
}
