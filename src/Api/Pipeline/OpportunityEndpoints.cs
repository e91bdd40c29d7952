using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Paging;
using Platform.Read.Pipeline;
using Platform.Write.Pipeline;
using Platform.Write.Tenancy;
using static Platform.Api.Pipeline.PipelineBodies;
using static Platform.Api.Pipeline.PipelineEndpoints;

namespace Platform.Api.Pipeline;

/// <summary>/api/opportunities and /api/me/tasks. Changes of stage, status and fields take If-Match; reads of one carry its ETag.</summary>
internal static class OpportunityEndpoints
{
    public static IEndpointRouteBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder app)
    {
        var opportunities = app.MapGroup("/api/opportunities").WithTags("Opportunities");
        opportunities.MapGet("", List).Sends<ListOpportunities>()
            .WithName("ListOpportunities").WithSummary("Newest first; filter by pipelineId, stageId, status (open, won, lost), ownerId, customerId.");
        opportunities.MapPost("", Open).Sends<OpenOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithName("OpenOpportunity").WithSummary("Opens an opportunity for a customer (and optionally the lead it came from) in a pipeline.");
        opportunities.MapGet("/{id}", Get).Sends<GetOpportunity>().ProducesProblem(404)
            .WithName("GetOpportunity").WithSummary("One opportunity with its notes and activities; ETag = version.");
        opportunities.MapPatch("/{id}", Change).Sends<ChangeOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ChangeOpportunity").WithSummary("Title, value, currency, owner or expected close date of an open opportunity.");
        opportunities.MapPut("/{id}/stage", Move).Sends<MoveOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("MoveOpportunity").WithSummary("Moves an open opportunity to another open stage; send If-Match.");
        opportunities.MapPost("/{id}/win", Win).Sends<WinOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("WinOpportunity").WithSummary("Wins it for an amount: it moves to the won stage.");
        opportunities.MapPost("/{id}/lose", Lose).Sends<LoseOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("LoseOpportunity").WithSummary("Loses it for one of the tenant's lost reasons: it moves to the lost stage.");
        opportunities.MapPost("/{id}/reopen", Reopen).Sends<ReopenOpportunity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("ReopenOpportunity").WithSummary("Takes a lost opportunity back to an open stage.");
        opportunities.MapPost("/{id}/notes", AddNote).Sends<AddOpportunityNote>().ProducesProblem(404)
            .WithName("AddOpportunityNote").WithSummary("Adds a note.");
        opportunities.MapPost("/{id}/activities", Schedule).Sends<ScheduleActivity>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithName("ScheduleActivity").WithSummary("Schedules a call, meeting, email, visit, message or task, for the owner unless assigned.");
        opportunities.MapPost("/{id}/activities/{activityId}/complete", Complete).Sends<CompleteActivity>().ProducesProblem(404)
            .WithName("CompleteActivity").WithSummary("Marks an activity done.");
        opportunities.MapGet("/{id}/history", History).Sends<GetOpportunityHistory>().ProducesProblem(404)
            .WithName("GetOpportunityHistory").WithSummary("Each stage it went through and the time it spent there, the current one running.");

        app.MapGroup("/api/me").WithTags("Opportunities").MapGet("/tasks", Tasks).Sends<ListMyTasks>()
            .WithName("ListMyTasks").WithSummary("The caller's activities not yet done, soonest due first, overdue flagged.");
        return app;
    }

    private static async Task<Ok<Page<OpportunitySummary>>> List(
        int? limit, string? cursor, Guid? pipelineId, Guid? stageId, string? status, Guid? ownerId, Guid? customerId,
        CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _)) throw BadCursor();
        if (status is not null && !ListOpportunitiesHandler.Statuses.Contains(status))
            throw new ValidationException([new ValidationFailure("status", "Debe ser open, won o lost.")]);
        return TypedResults.Ok(await mediator.Send(new ListOpportunities(context.Tenant, pipelineId, stageId, status, ownerId, customerId, page), ct));
    }

    private static async Task<Created<OpportunityChanged>> Open(OpenOpportunity body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var opened = await mediator.Send(body, ct);
        response.SetETag(opened.Version);
        return TypedResults.Created($"/api/opportunities/{opened.OpportunityId:D}", opened);
    }

    private static async Task<Ok<OpportunityView>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var opportunity = await mediator.Send(new GetOpportunity(id), ct);
        response.SetETag(opportunity.Version);
        return TypedResults.Ok(opportunity);
    }

    private static async Task<Ok<OpportunityChanged>> Change(Guid id, OpportunityBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ChangeOpportunity(id, body.Title, body.Value, body.Currency, body.OwnerId, body.ExpectedCloseDate, IfMatch(request)), ct));

    private static async Task<Ok<OpportunityChanged>> Move(Guid id, StageChoiceBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new MoveOpportunity(id, body.StageId ?? Guid.Empty, IfMatch(request)), ct));

    private static async Task<Ok<OpportunityChanged>> Win(Guid id, WinBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new WinOpportunity(id, body.Amount, IfMatch(request)), ct));

    private static async Task<Ok<OpportunityChanged>> Lose(Guid id, LoseBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new LoseOpportunity(id, body.Reason ?? "", IfMatch(request)), ct));

    private static async Task<Ok<OpportunityChanged>> Reopen(Guid id, StageChoiceBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ReopenOpportunity(id, body.StageId ?? Guid.Empty, IfMatch(request)), ct));

    private static async Task<Created<OpportunityChanged>> AddNote(Guid id, NoteBody body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Added(response, $"/api/opportunities/{id:D}", await mediator.Send(new AddOpportunityNote(id, body.Text ?? ""), ct));

    private static async Task<Created<OpportunityChanged>> Schedule(Guid id, ActivityBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var due = body.DueAt ?? throw new ValidationException([new ValidationFailure("dueAt", "Es obligatorio.")]);
        return Added(response, $"/api/opportunities/{id:D}", await mediator.Send(new ScheduleActivity(id, body.Type ?? "", body.Subject ?? "", due, body.AssigneeId), ct));
    }

    private static async Task<Ok<OpportunityChanged>> Complete(Guid id, Guid activityId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new CompleteActivity(id, activityId), ct));

    private static async Task<Ok<OpportunityHistoryView>> History(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var history = await mediator.Send(new GetOpportunityHistory(id), ct);
        response.SetETag(history.Version);
        return TypedResults.Ok(history);
    }

    private static async Task<Ok<Page<TaskSummary>>> Tasks(int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<TaskCursor>(out _)) throw BadCursor();
        return TypedResults.Ok(await mediator.Send(new ListMyTasks(context.Tenant, context.User, page), ct));
    }

    private static Ok<OpportunityChanged> Changed(HttpResponse response, OpportunityChanged changed)
    {
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }

    private static Created<OpportunityChanged> Added(HttpResponse response, string location, OpportunityChanged changed)
    {
        response.SetETag(changed.Version);
        return TypedResults.Created(location, changed);
    }
}
