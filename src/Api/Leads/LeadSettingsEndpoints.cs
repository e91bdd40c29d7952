using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Leads;

namespace Platform.Api.Leads;

/// <summary>/api/leads/scoring-weights and /api/leads/webhook-secret: how the tenant scores leads and how its integrations send them.</summary>
internal static class LeadSettingsEndpoints
{
    public sealed record ScoringWeightsBody(IReadOnlyDictionary<string, decimal>? Weights);

    public static IEndpointRouteBuilder MapLeadSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/api/leads").WithTags("Leads");
        leads.MapGet("/scoring-weights", GetWeights).Sends<GetScoringWeights>()
            .WithName("GetLeadScoringWeights").WithSummary("The weight (0 to 5) of each scoring factor and the band thresholds; ETag = version.");
        leads.MapPut("/scoring-weights", ChangeWeights).Sends<ChangeScoringWeights>().ProducesProblem(412)
            .WithName("ChangeLeadScoringWeights").WithSummary("Replaces the weights of source, budget, timeline, completeness and engagement.");
        leads.MapPost("/webhook-secret", RotateSecret).Sends<RotateWebhookSecret>()
            .WithName("RotateLeadWebhookSecret").WithSummary("Creates or replaces the lead webhook's signing secret; it is shown only in this answer.");
        return app;
    }

    private static async Task<Ok<ScoringWeightsView>> GetWeights(IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new GetScoringWeights(), ct);
        if (view.Version > 0) response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ScoringWeightsView>> ChangeWeights(
        ScoringWeightsBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var view = await mediator.Send(new ChangeScoringWeights(body.Weights, LeadEndpoints.IfMatch(request)), ct);
        if (view.Version > 0) response.SetETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<WebhookSecretIssued>> RotateSecret(IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await mediator.Send(new RotateWebhookSecret(), ct));
    }
}
