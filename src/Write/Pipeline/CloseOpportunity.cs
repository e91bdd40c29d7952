using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Wins an open opportunity for <paramref name="Amount"/>, in the opportunity's currency.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record WinOpportunity(Guid OpportunityId, decimal Amount, long? ExpectedVersion = null) : MediatR.IRequest<OpportunityChanged>;

/// <summary>Loses an open opportunity for one of the tenant's lost reasons.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record LoseOpportunity(Guid OpportunityId, string Reason, long? ExpectedVersion = null) : MediatR.IRequest<OpportunityChanged>;

/// <summary>Takes a lost opportunity back to an open stage of its pipeline.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ReopenOpportunity(Guid OpportunityId, Guid StageId, long? ExpectedVersion = null) : MediatR.IRequest<OpportunityChanged>;

public sealed class WinOpportunityValidator : AbstractValidator<WinOpportunity>
{
    public WinOpportunityValidator() => RuleFor(c => c.Amount).OpportunityAmount().GreaterThan(0).WithMessage("Es mayor que 0.");
}

public sealed class LoseOpportunityValidator : AbstractValidator<LoseOpportunity>
{
    public LoseOpportunityValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Elige una razón de pérdida.")
            .MaximumLength(ChangeLostReasonsValidator.MaxLength).WithMessage($"Usa como máximo {ChangeLostReasonsValidator.MaxLength} caracteres.");
}

public sealed class ReopenOpportunityValidator : AbstractValidator<ReopenOpportunity>
{
    public ReopenOpportunityValidator() => RuleFor(c => c.StageId).NotEmpty().WithMessage("Es obligatorio.");
}

public sealed class WinOpportunityHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : OpportunityCommandHandler<WinOpportunity>(context, database, append, serializer)
{
    /// <summary>The won amount becomes the customer's purchase (segments, lifetime), in the same append.</summary>
    protected override async Task<Companion?> CompanionAsync(
        TenantTransaction tx, OpportunityState state, IReadOnlyList<object> decided, CancellationToken ct)
    {
        if (decided.OfType<OpportunityWon>().SingleOrDefault() is not { } won) return null;
        var now = time.GetUtcNow();
        var purchase = await Customers.CustomerPurchases.PrepareAsync(
            tx, Serializer, state.CustomerId, state.OpportunityId, won.Amount.Amount, won.Amount.Currency, now, ct);
        return purchase?.ToAppend(Context) is { } stream
            ? new Companion(stream, version => Customers.CustomerMatching.SaveAsync(tx, purchase, version, now, ct))
            : null;
    }

    protected override Guid OpportunityIdOf(WinOpportunity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(WinOpportunity request) => request.ExpectedVersion;

    protected override Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, WinOpportunity request, OpportunityState state, PipelineState pipeline, CancellationToken ct) =>
        Task.FromResult<Opportunity.Command>(new Opportunity.Win(pipeline, new Money(request.Amount, state.Value.Currency)));
}

public sealed class LoseOpportunityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<LoseOpportunity>(context, database, append, serializer)
{
    protected override Guid OpportunityIdOf(LoseOpportunity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(LoseOpportunity request) => request.ExpectedVersion;

    protected override async Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, LoseOpportunity request, OpportunityState state, PipelineState pipeline, CancellationToken ct)
    {
        var (events, _) = await tx.ReadStreamAsync(Serializer, PipelineEvents.LostReasonsStream, ct);
        return new Opportunity.Lose(pipeline, request.Reason, LostReasonsView.Fold(events));
    }
}

public sealed class ReopenOpportunityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<ReopenOpportunity>(context, database, append, serializer)
{
    protected override Guid OpportunityIdOf(ReopenOpportunity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(ReopenOpportunity request) => request.ExpectedVersion;

    protected override Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, ReopenOpportunity request, OpportunityState state, PipelineState pipeline, CancellationToken ct) =>
        Task.FromResult<Opportunity.Command>(new Opportunity.Reopen(pipeline, request.StageId));
}
