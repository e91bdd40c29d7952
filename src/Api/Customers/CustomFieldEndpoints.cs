using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Customers;
using Platform.Write.Customers;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Customers;

/// <summary>/api/custom-fields: the fields the tenant adds to its customers; values are checked against them on every write.</summary>
internal static class CustomFieldEndpoints
{
    public sealed record CustomFieldBody(string? Key, string? Label, string? Type, bool Required, int Position, IReadOnlyList<string>? Options);

    public sealed record CustomFieldSettingsBody(string? Label, bool Required, int Position, IReadOnlyList<string>? Options);

    public static IEndpointRouteBuilder MapCustomFieldEndpoints(this IEndpointRouteBuilder app)
    {
        var fields = app.MapGroup("/api/custom-fields").WithTags("Customers");
        fields.MapPost("", Define).Sends<DefineCustomField>().ProducesProblem(409).ProducesProblem(422)
            .WithName("DefineCustomField").WithSummary("Adds a custom field (text, number, date, dropdown, boolean), optionally required, at a position.");
        fields.MapGet("", List).Sends<ListCustomFields>()
            .WithName("ListCustomFields").WithSummary("The tenant's custom fields of customers, in order.");
        fields.MapGet("/{id}", Get).Sends<GetCustomField>().ProducesProblem(404)
            .WithName("GetCustomField").WithSummary("One custom field; ETag = version.");
        fields.MapPut("/{id}", Change).Sends<ChangeCustomField>().ProducesProblem(404).ProducesProblem(412)
            .WithName("ChangeCustomField").WithSummary("Changes label, required, position and options; the key and type stay. If-Match = the ETag read.");
        fields.MapDelete("/{id}", Remove).Sends<RemoveCustomField>().ProducesProblem(404).ProducesProblem(412)
            .WithName("RemoveCustomField").WithSummary("Stops asking for and showing the field.");
        return app;
    }

    private static async Task<Created<CustomFieldChangedResult>> Define(CustomFieldBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var defined = await mediator.Send(new DefineCustomField(body.Key ?? "", body.Label ?? "", body.Type ?? "", body.Required, body.Position, body.Options), ct);
        response.SetETag(defined.Version);
        return TypedResults.Created($"/api/custom-fields/{defined.FieldId:D}", defined);
    }

    private static async Task<Ok<IReadOnlyList<CustomFieldDetails>>> List(CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCustomFields(context.Tenant), ct));

    private static async Task<Ok<CustomFieldDetails>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var field = await mediator.Send(new GetCustomField(context.Tenant, id), ct) ?? throw new NotFoundException("el campo personalizado");
        response.SetETag(field.Version);
        return TypedResults.Ok(field);
    }

    private static async Task<Ok<CustomFieldChangedResult>> Change(
        Guid id, CustomFieldSettingsBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var changed = await mediator.Send(new ChangeCustomField(id, body.Label ?? "", body.Required, body.Position, body.Options, CustomerEndpoints.IfMatch(request)), ct);
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<Ok<CustomFieldChangedResult>> Remove(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var removed = await mediator.Send(new RemoveCustomField(id, CustomerEndpoints.IfMatch(request)), ct);
        response.SetETag(removed.Version);
        return TypedResults.Ok(removed);
    }
}
