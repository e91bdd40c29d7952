using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Paging;
using Platform.Read.Pipeline;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;
using Platform.Write.Tenancy;
using static Platform.Api.Pipeline.PipelineBodies;

namespace Platform.Api.Pipeline;

/// <summary>/api/pipelines: the tenant's sales pipelines, their stages and boards; /api/pipeline/lost-reasons. Changes take If-Match.</summary>
internal static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var pipelines = app.MapGroup("/api/pipelines").WithTags("Pipelines");
        pipelines.MapGet("", List).Sends<ListPipelines>()
            .WithName("ListPipelines").WithSummary("The tenant's pipelines with their stages; archived ones with includeArchived=true.");
        pipelines.MapPost("", Create).Sends<CreatePipeline>().ProducesProblem(409).ProducesProblem(422)
            .WithName("CreatePipeline").WithSummary("A pipeline from a template (dealership, real-estate, generic) or from stages with one won and one lost.");
        pipelines.MapGet("/{id}", Get).Sends<GetPipeline>().ProducesProblem(404)
            .WithName("GetPipeline").WithSummary("One pipeline with its stages; ETag = version.");
        pipelines.MapPatch("/{id}", Change).Sends<ChangePipeline>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ChangePipeline").WithSummary("Renames it, or archives it (archived: true) when it holds no open opportunity.");
        pipelines.MapGet("/{id}/stages", Stages).Sends<GetPipeline>().ProducesProblem(404)
            .WithName("ListPipelineStages").WithSummary("The pipeline's stages in order; ETag = the pipeline's version.");
        pipelines.MapPost("/{id}/stages", AddStage).Sends<AddPipelineStage>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("AddPipelineStage").WithSummary("Adds an open stage at an order, or right before won and lost.");
        pipelines.MapPut("/{id}/stages/order", Reorder).Sends<ReorderPipelineStages>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("ReorderPipelineStages").WithSummary("Every stage id of the pipeline, in the new order.");
        pipelines.MapPut("/{id}/stages/{stageId}", ChangeStage).Sends<ChangePipelineStage>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("ChangePipelineStage").WithSummary("Name, probability, color, expected days and rotting days of a stage.");
        pipelines.MapDelete("/{id}/stages/{stageId}", RemoveStage).Sends<RemovePipelineStage>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("RemovePipelineStage").WithSummary("Removes an open stage that holds no open opportunity.");
        pipelines.MapGet("/{id}/board", Board).Sends<GetPipelineBoard>().ProducesProblem(404)
            .WithName("GetPipelineBoard").WithSummary("Kanban columns: count, value and weighted value per currency, newest cards (cards=0..200), rotting flagged.");

        var reasons = app.MapGroup("/api/pipeline/lost-reasons").WithTags("Pipelines");
        reasons.MapGet("", GetReasons).Sends<GetLostReasons>()
            .WithName("GetLostReasons").WithSummary("The reasons a lost opportunity may give; ETag = version.");
        reasons.MapPut("", ChangeReasons).Sends<ChangeLostReasons>().ProducesProblem(412)
            .WithName("ChangeLostReasons").WithSummary("Replaces the tenant's lost reasons.");
        return app;
    }

    private static async Task<Ok<Page<PipelineSummary>>> List(
        int? limit, string? cursor, bool? includeArchived, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _)) throw BadCursor();
        return TypedResults.Ok(await mediator.Send(new ListPipelines(context.Tenant, includeArchived ?? false, page), ct));
    }

    private static async Task<Created<PipelineChanged>> Create(CreatePipeline body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var created = await mediator.Send(body, ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/pipelines/{created.PipelineId:D}", created);
    }

    private static async Task<Ok<PipelineView>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var pipeline = await mediator.Send(new GetPipeline(id), ct);
        response.SetETag(pipeline.Version);
        return TypedResults.Ok(pipeline);
    }

    private static async Task<Ok<IReadOnlyList<StageView>>> Stages(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var pipeline = await mediator.Send(new GetPipeline(id), ct);
        response.SetETag(pipeline.Version);
        return TypedResults.Ok(pipeline.Stages);
    }

    private static async Task<Ok<PipelineChanged>> Change(Guid id, PipelineBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ChangePipeline(id, body.Name, body.Archived, IfMatch(request)), ct));

    private static async Task<Created<PipelineChanged>> AddStage(Guid id, NewStageBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var changed = await mediator.Send(new AddPipelineStage(
            id, body.Name ?? "", body.Probability, body.Color ?? "", body.ExpectedDays, body.RottingDays, body.Order, IfMatch(request)), ct);
        response.SetETag(changed.Version);
        return TypedResults.Created($"/api/pipelines/{id:D}/stages", changed);
    }

    private static async Task<Ok<PipelineChanged>> Reorder(Guid id, StageOrderBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ReorderPipelineStages(id, body.StageIds!, IfMatch(request)), ct));

    private static async Task<Ok<PipelineChanged>> ChangeStage(
        Guid id, Guid stageId, StageBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ChangePipelineStage(
            id, stageId, body.Name ?? "", body.Probability, body.Color ?? "", body.ExpectedDays, body.RottingDays, IfMatch(request)), ct));

    private static async Task<Ok<PipelineChanged>> RemoveStage(Guid id, Guid stageId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new RemovePipelineStage(id, stageId, IfMatch(request)), ct));

    private static async Task<Ok<PipelineBoard>> Board(Guid id, int? cards, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPipelineBoard(context.Tenant, id, cards ?? 50), ct) ?? throw new NotFoundException("el embudo"));

    private static async Task<Ok<LostReasonsView>> GetReasons(IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new GetLostReasons(), ct);
        response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<LostReasonsView>> ChangeReasons(LostReasonsBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new ChangeLostReasons(body.Reasons!, IfMatch(request)), ct);
        response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    internal static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }

    internal static ValidationException BadCursor() => new([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);

    private static Ok<PipelineChanged> Changed(HttpResponse response, PipelineChanged changed)
    {
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }
}
