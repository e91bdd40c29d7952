using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// Refers the lead to another tenant of the network (by its slug) for a commission. The other tenant gets
/// its own lead (source "referral") with the contact, message, budget and timeline; nothing else of ours.
/// </summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ReferLead(Guid LeadId, string? TenantSlug, decimal? CommissionPercent) : IRequest<ReferralSent>;

public sealed record ReferralSent(Guid ReferralId, Guid LeadId, string ToTenant, decimal CommissionPercent);

public sealed class ReferLeadValidator : AbstractValidator<ReferLead>
{
    public ReferLeadValidator()
    {
        RuleFor(r => r.TenantSlug).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Es obligatorio.")
            .MaximumLength(40).WithMessage("Debe tener como máximo 40 caracteres.");
        RuleFor(r => r.CommissionPercent).NotNull().WithMessage("Es obligatorio.")
            .InclusiveBetween(0, 100).WithMessage("Debe estar entre 0 y 100.");
    }
}

/// <summary>
/// Two tenant transactions, never one across tenants: the receiver's lead is written and committed first,
/// then the sender's record of it. The referral's id is fixed by (sender, lead, receiver), so a retry after a
/// failure between the two commits finds the receiver's lead already there and completes the sender's side.
/// </summary>
public sealed class ReferLeadHandler(
    CommandContext context, TenantDatabase database, TenantDirectory directory, LeadIntake intake, TransactionalAppend append,
    EventSerializer serializer, TimeProvider time) : IRequestHandler<ReferLead, ReferralSent>
{
    public async Task<ReferralSent> Handle(ReferLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var commission = Math.Round(request.CommissionPercent!.Value, 2);
        await using var sender = await database.BeginAsync(context.Tenant, cancellationToken);
        var stream = LeadStreams.Lead(request.LeadId);
        var (events, version) = await sender.ReadStreamAsync(serializer, stream, cancellationToken);
        var lead = Lead.Fold(events) ?? throw new NotFoundException("el prospecto");
        await ReferralNetwork.EnsureMemberAsync(sender, serializer, "Tu empresa debe ser parte de la red para referir prospectos.", cancellationToken);
        var receiver = await directory.FindAsync(request.TenantSlug!.Trim(), cancellationToken);
        if (receiver is null || receiver.TenantId == context.Tenant) throw ReferralNetwork.NotAMember();
        var referralId = DeterministicIds.Of("referral", context.Tenant, request.LeadId, receiver.TenantId);
        var decided = Lead.Decide(lead, new Lead.Refer(referralId, receiver.TenantId, receiver.Name, commission));
        var shared = await ReferralNetwork.SharedAsync(sender, request.LeadId, cancellationToken);
        var senderName = await sender.ScalarAsync<string>("select name from tenants where tenant_id = $1", cancellationToken, sender.TenantId);

        await using (var tx = await database.BeginAsync(receiver.TenantId, cancellationToken))
        {
            await ReferralNetwork.EnsureMemberAsync(tx, serializer, "Esa empresa no es parte de la red.", cancellationToken);
            var recorded = await intake.RecordAsync(tx, ReferralNetwork.EventsFor(context), shared.ToRequest(referralId), cancellationToken);
            if (!recorded.Existed)
                await ReferralNetwork.InsertSideAsync(tx, referralId, "received", referralId, context.Tenant, senderName, commission, time.GetUtcNow(), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        if (decided.Count > 0)
        {
            var result = await append.AppendAsync(sender, stream, ExpectedVersion.Exact(version), [.. decided.Select(context.Event)], cancellationToken);
            await LeadRows.ApplyAsync(sender, decided, result.StreamVersion, time.GetUtcNow(), cancellationToken);
            await ReferralNetwork.InsertSideAsync(sender, referralId, "sent", request.LeadId, receiver.TenantId, receiver.Name, commission, time.GetUtcNow(), cancellationToken);
            await sender.CommitAsync(cancellationToken);
        }
        return new ReferralSent(referralId, request.LeadId, receiver.Name, commission);
    }
}
