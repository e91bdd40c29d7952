using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Leads;
using Platform.Read.Paging;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Api.Leads;

/// <summary>/api/leads: requests to buy, their assignment, contact, qualification and score. Changes take If-Match; reads carry the ETag.</summary>
internal static class LeadEndpoints
{
    public sealed record LeadBody(
        string? Name, string? Phone, string? Email, string? Message, string? Campaign, Guid? ListingId, decimal? Budget, string? Timeline, Guid? AssigneeId);

    public sealed record AssignLeadBody(Guid? UserId, bool? RoundRobin);

    public sealed record ContactLeadBody(string? Channel, string? Notes);

    public sealed record DisqualifyLeadBody(string? Reason);

    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/api/leads").WithTags("Leads");
        leads.MapPost("", Create).Sends<CreateLead>().ProducesProblem(422)
            .WithName("CreateLead").WithSummary("Enters a lead by hand; attaches it to the customer with the same phone or e-mail; scores and assigns it.");
        leads.MapGet("", List).Sends<ListLeads>()
            .WithName("ListLeads").WithSummary("The tenant's leads, newest first; filter by status, assigneeId, band and source; keyset-paginated.");
        leads.MapGet("/{id}", Get).Sends<GetLead>().ProducesProblem(404)
            .WithName("GetLead").WithSummary("One lead with its score, band and the reasons behind them; ETag = version.");
        leads.MapPost("/{id}/assign", Assign).Sends<AssignLead>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422)
            .WithName("AssignLead").WithSummary("Gives the lead to a user ({userId}) or to the next sales user in turn ({roundRobin: true}).");
        leads.MapPost("/{id}/contact", Contact).Sends<ContactLead>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ContactLead").WithSummary("Records a contact by the caller; the first one sets the response time; logged on the customer too.");
        leads.MapPost("/{id}/qualify", Qualify).Sends<QualifyLead>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("QualifyLead").WithSummary("Marks the lead as a qualified buyer.");
        leads.MapPost("/{id}/disqualify", Disqualify).Sends<DisqualifyLead>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("DisqualifyLead").WithSummary("Discards the lead, with the reason.");
        leads.MapGet("/response-times", ResponseTimes).Sends<GetResponseTimes>()
            .WithName("GetLeadResponseTimes").WithSummary("Median and p90 time to first contact of the leads created in [from, to), overall and per salesperson.");
        return app;
    }

    private static async Task<Created<LeadChanged>> Create(LeadBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateLead(body.Name, body.Phone, body.Email, body.Message, body.Campaign, body.ListingId, body.Budget,
            body.Timeline, body.AssigneeId), ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/leads/{created.LeadId:D}", created);
    }

    private static async Task<Ok<Page<LeadSummary>>> List(
        int? limit, string? cursor, string? status, Guid? assigneeId, string? band, string? source, CommandContext context, IMediator mediator,
        CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        var failures = new List<ValidationFailure>();
        if (!page.TryReadCursor<Guid>(out _)) failures.Add(new("cursor", "No es un cursor de esta lista; usa el nextCursor recibido."));
        if (status is not null && !LeadStatuses.All.Contains(status)) failures.Add(new("status", $"Debe ser uno de: {string.Join(", ", LeadStatuses.All)}."));
        if (band is not null && band is not ("hot" or "warm" or "cold")) failures.Add(new("band", "Debe ser hot, warm o cold."));
        if (source is not null && !LeadSources.All.Contains(source)) failures.Add(new("source", $"Debe ser uno de: {string.Join(", ", LeadSources.All)}."));
        if (failures.Count > 0) throw new ValidationException(failures);
        return TypedResults.Ok(await mediator.Send(new ListLeads(context.Tenant, status, assigneeId, band, source, page), ct));
    }

    private static async Task<Ok<LeadDetails>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var lead = await mediator.Send(new GetLead(context.Tenant, id), ct) ?? throw new NotFoundException("el prospecto");
        response.SetETag(lead.Version);
        return TypedResults.Ok(lead);
    }

    private static Task<Ok<LeadChanged>> Assign(Guid id, AssignLeadBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        SendAsync(new AssignLead(id, body.UserId, body.RoundRobin == true, IfMatch(request)), mediator, response, ct);

    private static Task<Ok<LeadChanged>> Contact(Guid id, ContactLeadBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        SendAsync(new ContactLead(id, body.Channel, body.Notes, IfMatch(request)), mediator, response, ct);

    private static Task<Ok<LeadChanged>> Qualify(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        SendAsync(new QualifyLead(id, IfMatch(request)), mediator, response, ct);

    private static Task<Ok<LeadChanged>> Disqualify(
        Guid id, DisqualifyLeadBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        SendAsync(new DisqualifyLead(id, body.Reason, IfMatch(request)), mediator, response, ct);

    private static async Task<Ok<ResponseTimesReport>> ResponseTimes(
        DateTimeOffset? from, DateTimeOffset? to, CommandContext context, IMediator mediator, TimeProvider time, CancellationToken ct)
    {
        if (from is { Year: < 2000 or > 9000 }) throw new ValidationException([new ValidationFailure("from", "Debe ser una fecha entre 2000 y 9000.")]);
        if (to is { Year: < 2000 or > 9000 }) throw new ValidationException([new ValidationFailure("to", "Debe ser una fecha entre 2000 y 9000.")]);
        var until = to ?? time.GetUtcNow();
        var since = from ?? until.AddDays(-30);
        if (since >= until) throw new ValidationException([new ValidationFailure("from", "Debe ser anterior a to.")]);
        if (until - since > TimeSpan.FromDays(366)) throw new ValidationException([new ValidationFailure("from", "El periodo puede ser de hasta un año.")]);
        return TypedResults.Ok(await mediator.Send(new GetResponseTimes(context.Tenant, since, until), ct));
    }

    private static async Task<Ok<LeadChanged>> SendAsync(ILeadChange command, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var changed = await mediator.Send(command, ct);
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }

    internal static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }
}
