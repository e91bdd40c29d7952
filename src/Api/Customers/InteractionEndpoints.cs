using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Customers;
using Platform.Read.Paging;
using Platform.Write.Customers;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Customers;

/// <summary>/api/customers/{id}/interactions and /api/customers/segments: what happened with customers and how active they are.</summary>
internal static class InteractionEndpoints
{
    public sealed record InteractionBody(string? Kind, string? Outcome, string? Notes, DateTimeOffset? OccurredAt, DateOnly? FollowUpOn);

    public static RouteGroupBuilder MapInteractionEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapGet("/segments", Segments).Sends<GetSegmentCounts>()
            .WithName("GetCustomerSegments").WithSummary("Customers per segment (frequent, occasional, inactive) and the recency/frequency rules.");
        customers.MapGet("/segments/{segment}", Segment).Sends<ListCustomers>().ProducesProblem(404)
            .WithName("ListSegmentCustomers").WithSummary("The customers of one segment, newest first; keyset-paginated.");
        customers.MapPost("/{id}/interactions", Log).Sends<LogInteraction>().ProducesProblem(404).ProducesProblem(412)
            .WithName("LogInteraction").WithSummary("Records a call, email, meeting, whatsapp, visit or note, its outcome and a follow-up date.");
        customers.MapGet("/{id}/interactions", List).Sends<ListInteractions>().ProducesProblem(404)
            .WithName("ListInteractions").WithSummary("The customer's interactions, most recent first; keyset-paginated.");
        return customers;
    }

    private static async Task<Ok<SegmentOverview>> Segments(CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSegmentCounts(context.Tenant), ct));

    private static async Task<Ok<Page<CustomerSummary>>> Segment(
        string segment, int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        if (!CustomerSegments.IsKnown(segment)) throw new NotFoundException("el segmento");
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        return TypedResults.Ok(await mediator.Send(new ListCustomers(context.Tenant, null, segment, [], page), ct));
    }

    private static async Task<Created<InteractionRecorded>> Log(
        Guid id, InteractionBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var logged = await mediator.Send(new LogInteraction(
            id, body.Kind ?? "", body.Outcome, body.Notes, body.OccurredAt, body.FollowUpOn, CustomerEndpoints.IfMatch(request)), ct);
        response.SetETag(logged.Version);
        return TypedResults.Created($"/api/customers/{id:D}/interactions", logged);
    }

    private static async Task<Ok<Page<InteractionSummary>>> List(
        Guid id, int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<InteractionCursor>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        return TypedResults.Ok(await mediator.Send(new ListInteractions(context.Tenant, id, page), ct) ?? throw new NotFoundException("el cliente"));
    }
}
