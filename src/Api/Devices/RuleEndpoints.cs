using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Devices;
using Platform.Write.Devices.Alerts;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>/api/devices/{id}/rules: what raises a device's alerts. Owners and admins change them; every role reads them.</summary>
internal static class RuleEndpoints
{
    public static IEndpointRouteBuilder MapDeviceRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/devices/{id}/rules").WithTags("Device rules");
        rules.MapGet("", List).Sends<ListDeviceRules>().ProducesProblem(404)
            .WithName("ListDeviceRules").WithSummary("The device's rules: its profile's templates and those added, oldest first.");
        rules.MapGet("/{ruleId}", Get).Sends<GetDeviceRule>().ProducesProblem(404)
            .WithName("GetDeviceRule").WithSummary("One rule of the device; ETag = version.");
        rules.MapPost("", Add).Sends<AddDeviceRule>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithName("AddDeviceRule").WithSummary("Adds a rule: threshold (above, below, outside a band) held for some seconds, rate of change per minute, or no data for some minutes; levels escalate.");
        rules.MapPut("/{ruleId}", Change).Sends<ChangeDeviceRule>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("ChangeDeviceRule").WithSummary("Replaces the rule's definition; its open alert clears and evaluation starts over.");
        rules.MapDelete("/{ruleId}", Remove).Sends<RemoveDeviceRule>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("RemoveDeviceRule").WithSummary("Removes the rule; its open alert clears.");
        return app;
    }

    private static async Task<Ok<RuleList>> List(Guid id, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new RuleList(id, await mediator.Send(new ListDeviceRules(context.Tenant, id), ct) ?? throw new NotFoundException("el dispositivo")));

    private static async Task<Ok<RuleView>> Get(Guid id, Guid ruleId, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var rule = await mediator.Send(new GetDeviceRule(context.Tenant, id, ruleId), ct) ?? throw new NotFoundException("la regla");
        response.SetETag(rule.Version);
        return TypedResults.Ok(rule);
    }

    private static async Task<Created<DeviceRuleChanged>> Add(Guid id, RuleBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var added = await mediator.Send(new AddDeviceRule(id, body.Name, body.Kind, body.Sensor, body.Levels, body.HoldSeconds, body.NoDataMinutes), ct);
        response.SetETag(added.Version);
        return TypedResults.Created($"/api/devices/{id:D}/rules/{added.RuleId:D}", added);
    }

    private static async Task<Ok<DeviceRuleChanged>> Change(
        Guid id, Guid ruleId, RuleBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var changed = await mediator.Send(new ChangeDeviceRule(
            id, ruleId, body.Name, body.Kind, body.Sensor, body.Levels, body.HoldSeconds, body.NoDataMinutes, IfMatch(request)), ct);
        response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<NoContent> Remove(Guid id, Guid ruleId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        response.SetETag((await mediator.Send(new RemoveDeviceRule(id, ruleId, IfMatch(request)), ct)).Version);
        return TypedResults.NoContent();
    }

    private static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }
}
