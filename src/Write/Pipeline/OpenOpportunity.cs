using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>
/// Opens an opportunity for one of the tenant's customers in a pipeline (its first open stage unless
/// <paramref name="StageId"/> says otherwise). The owner defaults to the caller; the currency to the tenant's.
/// </summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record OpenOpportunity(
    Guid PipelineId, Guid? StageId, Guid CustomerId, Guid? LeadId, string Title, decimal Value, string? Currency,
    DateOnly? ExpectedCloseDate, Guid? OwnerId) : IRequest<OpportunityChanged>;

public sealed class OpenOpportunityValidator : AbstractValidator<OpenOpportunity>
{
    public OpenOpportunityValidator()
    {
        RuleFor(c => c.PipelineId).NotEmpty().WithMessage("Es obligatorio.");
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Es obligatorio.");
        RuleFor(c => c.Title).OpportunityTitle();
        RuleFor(c => c.Value).OpportunityAmount();
        RuleFor(c => c.Currency).Must(c => c is null || CurrencyCodes.IsKnown(c)).WithMessage("Debe ser un código de moneda ISO 4217, por ejemplo COP.");
    }
}

public sealed class OpenOpportunityHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<OpenOpportunity, OpportunityChanged>
{
    public async Task<OpportunityChanged> Handle(OpenOpportunity request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await OpportunityRows.LockPipelineAsync(tx, request.PipelineId, exclusive: false, cancellationToken);
        var pipeline = await OpportunityChecks.PipelineAsync(tx, serializer, request.PipelineId, cancellationToken);
        await OpportunityChecks.EnsureCustomerAsync(tx, request.CustomerId, cancellationToken);
        var owner = request.OwnerId ?? context.User;
        if (context.Role == Roles.Sales && owner != context.User)
            throw new Domain.AccessDeniedException("Con el rol de ventas abres oportunidades solo a tu nombre.");
        await OpportunityChecks.EnsureSellerAsync(tx, owner, "ownerId", cancellationToken);
        var currency = request.Currency is null ? await OpportunityChecks.CurrencyAsync(tx, cancellationToken) : CurrencyCodes.Normalize(request.Currency);

        var id = Guid.CreateVersion7();
        var lead = await LeadConversionAsync(tx, request, id, cancellationToken);
        var events = Opportunity.Decide(null, new Opportunity.Open(
            id, pipeline, request.StageId, request.CustomerId, request.LeadId, request.Title.Trim(), new Money(request.Value, currency),
            request.ExpectedCloseDate, owner));
        var results = await append.AppendAsync(tx,
        [
            new StreamAppend(tx.TenantId, OpportunityEvents.Stream(id), ExpectedVersion.NoStream, [.. events.Select(context.Event)]),
            .. lead is null ? [] : new[] { lead.Append },
        ], cancellationToken);
        await OpportunityRows.UpsertAsync(tx, Opportunity.Fold(events)!, results[0].StreamVersion, cancellationToken);
        if (lead is not null) await LeadConversion.SaveAsync(tx, lead, results[1].StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new OpportunityChanged(id, results[0].StreamVersion);
    }

    /// <summary>
    /// Opened from a lead: the lead converts in the same append (a disqualified or already converted
    /// one refuses), and it must be the same customer's.
    /// </summary>
    private async Task<LeadConversion.Prepared?> LeadConversionAsync(TenantTransaction tx, OpenOpportunity request, Guid opportunityId, CancellationToken ct)
    {
        if (request.LeadId is not { } leadId) return null;
        var lead = await LeadConversion.PrepareAsync(tx, serializer, context.Event, leadId, opportunityId, ct);
        if (lead.CustomerId != request.CustomerId)
            throw new Domain.DomainException("lead-customer-mismatch", "El prospecto es de otro cliente: ábrela para el cliente del prospecto.");
        return lead;
    }
}

/// <summary>Field rules the opportunity's commands share.</summary>
public static class OpportunityFieldRules
{
    public const int MaxTitleLength = 160;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static IRuleBuilderOptions<T, string> OpportunityTitle<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Escribe un título.")
            .MaximumLength(MaxTitleLength).WithMessage($"Usa como máximo {MaxTitleLength} caracteres.");

    public static IRuleBuilderOptions<T, decimal> OpportunityAmount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.InclusiveBetween(0, MaxAmount).WithMessage($"Va de 0 a {MaxAmount:N0}.")
            .Must(v => decimal.Round(v, 2) == v).WithMessage("Usa como máximo dos decimales.");
}
