using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>The receiving tenant says how a referral it got ended: accepted, won (with the sale's amount) or lost.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ReportReferralOutcome(Guid ReferralId, string? Outcome, decimal? Amount) : IRequest<ReferralOutcomeRecorded>;

public sealed record ReferralOutcomeRecorded(Guid ReferralId, string Outcome, decimal? Amount);

public sealed class ReportReferralOutcomeValidator : AbstractValidator<ReportReferralOutcome>
{
    public ReportReferralOutcomeValidator()
    {
        RuleFor(r => r.Outcome).Must(o => o is not null && ReferralOutcomes.All.Contains(o))
            .WithMessage($"Debe ser uno de: {string.Join(", ", ReferralOutcomes.All)}.");
        RuleFor(r => r.Amount).NotNull().When(r => r.Outcome == ReferralOutcomes.Won).WithMessage("Indica el monto de la venta.");
        RuleFor(r => r.Amount).InclusiveBetween(0, LeadInputRules.MaxBudget).WithMessage("Debe ser un monto entre 0 y 999.999.999.999.");
        RuleFor(r => r.Amount).Null().When(r => r.Outcome != ReferralOutcomes.Won).WithMessage("Solo una venta ganada lleva monto.");
    }
}

/// <summary>
/// The receiver's lead records the outcome and commits; then the sender's lead gets the same report in the
/// sender's own transaction. A retry repeats only what is missing: both sides converge on the outcome.
/// </summary>
public sealed class ReportReferralOutcomeHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<ReportReferralOutcome, ReferralOutcomeRecorded>
{
    public async Task<ReferralOutcomeRecorded> Handle(ReportReferralOutcome request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new Lead.ReportOutcome(request.ReferralId, request.Outcome!, request.Amount);
        Guid sender;
        await using (var tx = await database.BeginAsync(context.Tenant, cancellationToken))
        {
            var side = await SideAsync(tx, request.ReferralId, "received", cancellationToken) ?? throw new NotFoundException("el referido");
            sender = side.Partner;
            await ReportAsync(tx, side.LeadId, command, context.Event, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        await using (var tx = await database.BeginAsync(sender, cancellationToken))
        {
            if (await SideAsync(tx, request.ReferralId, "sent", cancellationToken) is { } side)
            {
                await ReportAsync(tx, side.LeadId, command, ReferralNetwork.EventsFor(context), cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
        }
        return new ReferralOutcomeRecorded(request.ReferralId, command.Outcome, command.Amount);
    }

    private async Task ReportAsync(TenantTransaction tx, Guid leadId, Lead.ReportOutcome command, Func<object, NewEvent> toEvent, CancellationToken ct)
    {
        var stream = LeadStreams.Lead(leadId);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, ct);
        var decided = Lead.Decide(Lead.Fold(events), command);
        if (decided.Count == 0) return;
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), [.. decided.Select(toEvent)], ct);
        await LeadRows.ApplyAsync(tx, decided, result.StreamVersion, time.GetUtcNow(), ct);
    }

    private static async Task<(Guid LeadId, Guid Partner)?> SideAsync(TenantTransaction tx, Guid referralId, string direction, CancellationToken ct)
    {
        await using var command = tx.Command("select lead_id, partner_tenant_id from lead_referrals where tenant_id = $1 and referral_id = $2 and direction = $3",
            tx.TenantId, referralId, direction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetGuid(1)) : null;
    }
}
