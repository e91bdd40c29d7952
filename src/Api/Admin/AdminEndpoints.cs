using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Projections.Daemon;

namespace Platform.Api.Admin;

/// <summary>/api/admin: the platform operators' endpoints (see <see cref="OperatorTenant"/>).</summary>
internal static class AdminEndpoints
{
    public sealed record SkipBody(long Position, string Reason);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/projections").WithTags("Admin");
        group.MapGet("", ListAsync).Sends<ListProjections>().WithName("ListProjections")
            .WithSummary("Every projection's state, position, lag and last error.").ProducesProblem(404);
        group.MapGet("/{name}", GetAsync).Sends<GetProjection>().WithName("GetProjection").ProducesProblem(404);
        group.MapPost("/{name}/skip", SkipAsync).Sends<SkipProjectionEvent>().WithName("SkipProjectionEvent")
            .WithSummary("Lets a projection pass the faulted event it is stuck on, recording who and why.")
            .ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{name}/rebuild", RebuildAsync).Sends<RebuildProjection>().WithName("RebuildProjection")
            .WithSummary("Rebuilds a projection blue/green from the first event; the current tables serve until it catches up.")
            .ProducesProblem(404);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProjectionStatus>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProjections(), ct));

    private static async Task<Ok<ProjectionStatus>> GetAsync(string name, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProjection(name), ct));

    private static async Task<Ok<SkippedEvent>> SkipAsync(string name, SkipBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SkipProjectionEvent(name, body.Position, body.Reason), ct));

    private static async Task<Accepted<RebuildRequest>> RebuildAsync(string name, IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new RebuildProjection(name), ct));
}
