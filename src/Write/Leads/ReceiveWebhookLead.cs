using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Customers;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>The JSON an integration posts to the webhook.</summary>
public sealed record WebhookLeadBody(
    string? Name, string? Phone, string? Email, string? Message, string? Campaign, Guid? ListingId, decimal? Budget, string? Timeline) : ILeadInput;

/// <summary>
/// A lead posted by a tenant's integration (a form, an ad platform), anonymous but signed. The tenant comes
/// from the address's slug; an unknown slug and a bad signature answer the same 401.
/// <paramref name="DeliveryId"/> (or, without it, the signature) names the delivery: the same delivery again
/// is answered with the lead it made, and makes no second one.
/// </summary>
[AllowAnonymous]
public sealed record ReceiveWebhookLead(string TenantSlug, byte[] Body, string? Signature, string? Timestamp, string? DeliveryId)
    : IRequest<WebhookLeadAccepted>
{
    public override string ToString() => $"ReceiveWebhookLead {{ TenantSlug = {TenantSlug}, Bytes = {Body.Length} }}";
}

public sealed record WebhookLeadAccepted(Guid LeadId, bool Duplicate);

public sealed class ReceiveWebhookLeadHandler(
    CommandContext context, TenantDatabase database, TenantDirectory directory, WebhookSecrets secrets, LeadIntake intake, TimeProvider time)
    : IRequestHandler<ReceiveWebhookLead, WebhookLeadAccepted>
{
    private const int MaxDeliveryId = 200;

    public async Task<WebhookLeadAccepted> Handle(ReceiveWebhookLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = await directory.FindAsync(request.TenantSlug, cancellationToken);
        if (tenant is null)
        {
            WebhookSignature.Verify(null, request.Timestamp, request.Body, request.Signature, time.GetUtcNow());
            throw Refused();
        }
        await using var tx = await database.BeginAsync(tenant.TenantId, cancellationToken);
        var secret = await secrets.ReadAsync(tx, cancellationToken);
        if (!WebhookSignature.Verify(secret, request.Timestamp, request.Body, request.Signature, time.GetUtcNow())) throw Refused();

        var body = Parse(request.Body);
        new LeadInputValidator().ValidateAndThrow(body);
        context.ActFor(tenant.TenantId);
        context.Source = LeadSources.Webhook;
        var delivery = string.IsNullOrWhiteSpace(request.DeliveryId) || request.DeliveryId.Length > MaxDeliveryId ? request.Signature! : request.DeliveryId.Trim();
        var contact = LeadInputRules.Contact(body.Name, body.Phone, body.Email, await CustomerContacts.CountryAsync(tx, cancellationToken), strict: true);
        var recorded = await intake.RecordAsync(tx, context.Event, new LeadRequest(
            DeterministicIds.Of("webhook-lead", tenant.TenantId, delivery), LeadSources.Webhook, body.Campaign?.Trim(), body.ListingId, contact,
            body.Message?.Trim(), body.Budget, body.Timeline), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new WebhookLeadAccepted(recorded.LeadId, recorded.Existed);
    }

    private static DomainException Refused() =>
        new("webhook-signature-invalid", "La firma del webhook no es válida o está vencida.", DomainErrorKind.Unauthenticated);

    private static WebhookLeadBody Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<WebhookLeadBody>(body, JsonSerializerOptions.Web)
                ?? throw LeadInputRules.Invalid("body", "Debe ser un objeto JSON.");
        }
        catch (JsonException error)
        {
            throw LeadInputRules.Invalid(string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.'),
                "El valor no tiene el formato esperado.");
        }
    }
}
