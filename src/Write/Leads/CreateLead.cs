using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Customers;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>A salesperson enters a lead by hand (a walk-in, a call). Without an assignee it goes round-robin.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record CreateLead(
    string? Name, string? Phone, string? Email, string? Message, string? Campaign, Guid? ListingId, decimal? Budget, string? Timeline,
    Guid? AssigneeId) : IRequest<LeadChanged>, ILeadInput
{
    // A logged request must not carry the buyer's contact details.
    public override string ToString() => $"CreateLead {{ Campaign = {Campaign}, ListingId = {ListingId} }}";
}

/// <summary>The lead and the version of its stream after the change: its new ETag.</summary>
public sealed record LeadChanged(Guid LeadId, long Version);

public sealed class CreateLeadValidator : AbstractValidator<CreateLead>
{
    public CreateLeadValidator()
    {
        Include(new LeadInputValidator());
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty).WithMessage("No es un usuario.");
    }
}

public sealed class CreateLeadHandler(CommandContext context, TenantDatabase database, LeadIntake intake)
    : IRequestHandler<CreateLead, LeadChanged>
{
    public async Task<LeadChanged> Handle(CreateLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var contact = LeadInputRules.Contact(request.Name, request.Phone, request.Email, await CustomerContacts.CountryAsync(tx, cancellationToken), strict: true);
        var recorded = await intake.RecordAsync(tx, context.Event, new LeadRequest(
            Guid.CreateVersion7(), LeadSources.Manual, request.Campaign?.Trim(), request.ListingId, contact, request.Message?.Trim(), request.Budget,
            request.Timeline, request.AssigneeId), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new LeadChanged(recorded.LeadId, recorded.Version);
    }
}
