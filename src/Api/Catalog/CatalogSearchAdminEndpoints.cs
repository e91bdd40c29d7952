using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Catalog;

/// <summary>
/// What a tenant's owners and admins set for buyers' search: the synonyms (/api/catalog/synonyms,
/// ETag = version, If-Match) and whether the tenant's listings are in the network (/api/tenant/network).
/// </summary>
internal static class CatalogSearchAdminEndpoints
{
    public sealed record SynonymsBody(IReadOnlyList<IReadOnlyList<string>>? Groups);

    public sealed record NetworkBody(bool? Member);

    public static IEndpointRouteBuilder MapCatalogSearchAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var synonyms = app.MapGroup("/api/catalog/synonyms").WithTags("Catalog search");
        synonyms.MapGet("", GetSynonyms).Sends<GetCatalogSynonyms>()
            .WithName("GetCatalogSynonyms").WithSummary("The tenant's search synonym groups (the defaults until changed); ETag = version.");
        synonyms.MapPut("", ReplaceSynonyms).Sends<ReplaceCatalogSynonyms>().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithName("ReplaceCatalogSynonyms").WithSummary("Replaces the synonym groups, e.g. [[\"auto\",\"carro\",\"coche\"],[\"4x4\",\"todoterreno\"]].");
        app.MapPut("/api/tenant/network", ChangeNetwork).WithTags("Tenant").Sends<ChangeNetworkMembership>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ChangeNetworkMembership").WithSummary("Joins (member: true) or leaves the network: published listings appear in network search.");
        return app;
    }

    private static async Task<Ok<CatalogSynonymsView>> GetSynonyms(IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new GetCatalogSynonyms(), ct);
        response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> ReplaceSynonyms(
        SynonymsBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        // The defaults have no stream yet: their ETag is "0", which only this If-Match can name.
        var expected = request.Headers.IfMatch.ToString().Trim() == Versioning.ETagOf(0)
            ? 0 : request.ExpectedFromIfMatch(ExpectedVersion.Any) is { IsAny: false } exact ? exact.Value : (long?)null;
        var version = await mediator.Send(new ReplaceCatalogSynonyms(body.Groups!, expected), ct);
        response.SetETag(version);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangeNetwork(NetworkBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var member = body.Member ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("member", "Es obligatorio: true o false.")]);
        response.SetETag(await mediator.Send(new ChangeNetworkMembership(member), ct));
        return TypedResults.NoContent();
    }
}
