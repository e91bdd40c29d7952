using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Changes an open opportunity's title, value, owner or expected close date; members left out stay.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ChangeOpportunity(
    Guid OpportunityId, string? Title, decimal? Value, string? Currency, Guid? OwnerId, DateOnly? ExpectedCloseDate,
    long? ExpectedVersion = null) : MediatR.IRequest<OpportunityChanged>;

public sealed class ChangeOpportunityValidator : AbstractValidator<ChangeOpportunity>
{
    public ChangeOpportunityValidator()
    {
        RuleFor(c => c.Title!).OpportunityTitle().When(c => c.Title is not null);
        RuleFor(c => c.Value!.Value).OpportunityAmount().OverridePropertyName("value").When(c => c.Value is not null);
        RuleFor(c => c.Currency).Must(c => c is null || CurrencyCodes.IsKnown(c)).WithMessage("Debe ser un código de moneda ISO 4217, por ejemplo COP.");
        RuleFor(c => c.OwnerId).Must(o => o != Guid.Empty).WithMessage("No es un usuario.");
    }
}

public sealed class ChangeOpportunityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<ChangeOpportunity>(context, database, append, serializer)
{
    protected override Guid OpportunityIdOf(ChangeOpportunity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(ChangeOpportunity request) => request.ExpectedVersion;

    protected override async Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, ChangeOpportunity request, OpportunityState state, PipelineState pipeline, CancellationToken ct)
    {
        if (request.OwnerId is { } owner && owner != state.OwnerId) await OpportunityChecks.EnsureSellerAsync(tx, owner, "ownerId", ct);
        Money? value = request.Value is null && request.Currency is null ? null : new Money(
            request.Value ?? state.Value.Amount, request.Currency is null ? state.Value.Currency : CurrencyCodes.Normalize(request.Currency));
        return new Opportunity.Change(request.Title?.Trim(), value, request.OwnerId, request.ExpectedCloseDate);
    }
}
