using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Leads;

namespace Platform.Api.Leads;

/// <summary>
/// POST /api/webhooks/leads/{tenantSlug}: a tenant's integration posts a lead, signed with the tenant's secret.
/// The signature covers the raw bytes, so the body is read as bytes and parsed only after it is verified.
/// </summary>
internal static class LeadWebhookEndpoints
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string TimestampHeader = "X-Webhook-Timestamp";
    public const string DeliveryHeader = "X-Webhook-Delivery";
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapLeadWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/webhooks/leads").WithTags("Leads")
            .MapPost("/{tenantSlug}", Receive).Sends<ReceiveWebhookLead>().Accepts<WebhookLeadBody>("application/json")
            .Produces<WebhookLeadAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(413)
            .WithName("ReceiveWebhookLead")
            .WithSummary($"Receives a lead signed with {SignatureHeader}: sha256=<hex HMAC-SHA256 of \"<{TimestampHeader}>.<raw body>\">; " +
                "the timestamp (Unix seconds) must be within 5 minutes; the same delivery again makes no second lead (200).");
        return app;
    }

    private static async Task<Results<Accepted<WebhookLeadAccepted>, Ok<WebhookLeadAccepted>, ProblemHttpResult>> Receive(
        string tenantSlug, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var body = await ReadAsync(request, ct);
        if (body is null) return TypedResults.Problem(Problems.Status(413, "payload-too-large", $"El cuerpo puede tener hasta {MaxBodyBytes} bytes."));
        var accepted = await mediator.Send(new ReceiveWebhookLead(tenantSlug, body, Header(request, SignatureHeader), Header(request, TimestampHeader),
            Header(request, DeliveryHeader)), ct);
        return accepted.Duplicate ? TypedResults.Ok(accepted) : TypedResults.Accepted((string?)null, accepted);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
