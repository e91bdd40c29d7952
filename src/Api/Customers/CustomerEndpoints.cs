using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Customers;
using Platform.Read.Paging;
using Platform.Write.Customers;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Customers;

/// <summary>/api/customers: the people the tenant sells to. Changes take If-Match; answers about one customer carry its ETag.</summary>
internal static class CustomerEndpoints
{
    public sealed record CustomerBody(
        string? Name, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Emails, string? Address, string? Notes,
        IReadOnlyDictionary<string, JsonElement>? Fields);

    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("", Create).Sends<CreateCustomer>().ProducesProblem(409)
            .WithName("CreateCustomer").WithSummary("Adds a customer; phones become E.164 with the tenant's country; a phone or e-mail of another customer is 409.");
        customers.MapGet("", List).Sends<ListCustomers>()
            .WithName("ListCustomers").WithSummary("The tenant's customers, newest first; filter by text, segment and custom fields (field=key:value); keyset-paginated.");
        customers.MapGet("/{id}", Get).Sends<GetCustomer>().ProducesProblem(404)
            .WithName("GetCustomer").WithSummary("One customer with its segment and lifetime value; ETag = version.");
        customers.MapPut("/{id}", Change).Sends<ChangeCustomer>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ChangeCustomer").WithSummary("Replaces the contact data and custom fields; If-Match = the ETag read.");
        customers.MapInteractionEndpoints();
        customers.MapCustomerImportEndpoints();
        app.MapCustomFieldEndpoints();
        return app;
    }

    private static async Task<Created<CustomerChanged>> Create(CustomerBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateCustomer(body.Name, body.Phones, body.Emails, body.Address, body.Notes, body.Fields), ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/customers/{created.CustomerId:D}", created);
    }

    private static async Task<Ok<Page<CustomerSummary>>> List(
        int? limit, string? cursor, string? text, string? segment, string[]? field, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        if (segment is not null && !CustomerSegments.IsKnown(segment))
            throw new ValidationException([new ValidationFailure("segment", "Debe ser frequent, occasional o inactive.")]);
        if (text?.Length > 200) throw new ValidationException([new ValidationFailure("text", "Debe tener como máximo 200 caracteres.")]);
        return TypedResults.Ok(await mediator.Send(new ListCustomers(context.Tenant, text, segment, FieldFilters(field), page), ct));
    }

    /// <summary>field=budget:1500 (repeatable): the value as stored, canonical for the field's type.</summary>
    internal static IReadOnlyList<FieldFilter> FieldFilters(string[]? fields)
    {
        var filters = new List<FieldFilter>();
        foreach (var field in fields ?? [])
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || field.Length > 300 || filters.Count >= 10)
                throw new ValidationException([new ValidationFailure("field", "Debe ser clave:valor, por ejemplo field=color:rojo (hasta 10).")]);
            filters.Add(new FieldFilter(field[..colon], field[(colon + 1)..]));
        }
        return filters;
    }

    private static async Task<Ok<CustomerDetails>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var customer = await mediator.Send(new GetCustomer(context.Tenant, id), ct) ?? throw new NotFoundException("el cliente");
        response.SetETag(customer.Version);
        return TypedResults.Ok(customer);
    }

    private static async Task<Ok<CustomerChanged>> Change(
        Guid id, CustomerBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var changed = await mediator.Send(new ChangeCustomer(id, body.Name, body.Phones, body.Emails, body.Address, body.Notes, body.Fields, IfMatch(request)), ct);
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }

    internal static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }
}
