using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Paging;
using Platform.Write.Audit;

namespace Platform.Api.Audit;

/// <summary>/api/audit: the tenant's history, any entity as it was, the hash chain and the export, for auditors, owners and admins.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/events", List).Sends<ListAuditEvents>()
            .WithName("ListAuditEvents").WithSummary("The tenant's every event in commit order; filter by stream, type, user and recorded time [from, to); keyset-paginated.");
        audit.MapGet("/streams/{streamId}", History).Sends<GetStreamHistory>().ProducesProblem(404)
            .WithName("GetStreamHistory").WithSummary("One entity's events in version order, from a version on.");
        audit.MapGet("/streams/{streamId}/state", State).Sends<GetStreamState>().ProducesProblem(404).ProducesProblem(422)
            .WithName("GetStreamState").WithSummary("The entity as it was at an instant (at) or a version, replayed through its decider; now when neither is given.");
        audit.MapGet("/streams/{streamId}/diff", Diff).Sends<GetStreamDiff>().ProducesProblem(404).ProducesProblem(422)
            .WithName("GetStreamDiff").WithSummary("Field-level changes of the entity between two versions (from 0: since before it existed; to: now by default).");
        audit.MapGet("/chain", Verify).Sends<VerifyChain>()
            .WithName("VerifyChain").WithSummary("Walks the tenant's hash chain and reports its head and the first broken link, if any.");
        audit.MapGet("/export", Export).Sends<ExportTenant>().Produces(200, contentType: "application/zip")
            .WithName("ExportTenant").WithSummary("The tenant's whole history as a zip of events.ndjson and manifest.json (counts, chain head, checksum).");
        return app;
    }

    private static async Task<Ok<Page<AuditEvent>>> List(
        string? stream, string? type, string? user, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<AuditCursor>(out var after))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        var result = await mediator.Send(new ListAuditEvents(Blank(stream), Blank(type), Blank(user), from, to, after, page.Limit), ct);
        return TypedResults.Ok(new Page<AuditEvent>(result.Items, result.Next is { } next ? PageRequest.WriteCursor(next) : null));
    }

    private static async Task<Ok<StreamHistory>> History(string streamId, long? fromVersion, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStreamHistory(streamId, fromVersion ?? 1, PageRequest.Of(limit, null).Limit), ct));

    private static async Task<Ok<StreamStateView>> State(string streamId, DateTimeOffset? at, long? version, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStreamState(streamId, at, version), ct));

    private static async Task<Ok<StreamDiff>> Diff(string streamId, long? from, long? to, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStreamDiff(streamId, from ?? 0, to), ct));

    private static async Task<Ok<ChainReport>> Verify(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyChain(), ct));

    private static async Task<FileStreamHttpResult> Export(IMediator mediator, TimeProvider time, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportTenant(), ct);
        return TypedResults.File(export.File, "application/zip",
            $"tenant-{export.Manifest.TenantId:D}-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.zip");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
