using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Customers;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// The acting salesperson reached the person (a call, a WhatsApp, ...). The first contact sets the lead's
/// response time; every contact is also logged as an interaction on the customer and counts as engagement.
/// </summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ContactLead(Guid LeadId, string? Channel, string? Notes, long? ExpectedVersion = null) : ILeadChange;

public sealed class ContactLeadValidator : AbstractValidator<ContactLead>
{
    public ContactLeadValidator()
    {
        RuleFor(c => c.Channel).Must(c => c is not null && InteractionKinds.All.Contains(c))
            .WithMessage($"Debe ser uno de: {string.Join(", ", InteractionKinds.All)}.");
        RuleFor(c => c.Notes).MaximumLength(2000).WithMessage("Debe tener como máximo 2000 caracteres.");
    }
}

public sealed class ContactLeadHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : LeadCommandHandler<ContactLead>(context, database, append, serializer, time)
{
    private CustomerState? customer;
    private InteractionLogged? logged;

    protected override bool Rescores => true;

    protected override Task<Lead.Command> DecisionAsync(TenantTransaction tx, ContactLead request, LeadState state, CancellationToken ct) =>
        Task.FromResult<Lead.Command>(new Lead.Contact(Context.User, request.Channel!, Time.GetUtcNow()));

    protected override async Task<IReadOnlyList<StreamAppend>> AlsoAppendAsync(TenantTransaction tx, ContactLead request, LeadState state, CancellationToken ct)
    {
        var stream = CustomerStreams.Customer(state.CustomerId);
        var (events, version) = await tx.ReadStreamAsync(Serializer, stream, ct);
        if (Customer.Fold(events) is not { } current) return [];
        var interaction = Customer.Decide(current, new Customer.LogInteraction(
            Guid.CreateVersion7(), request.Channel!, "successful", request.Notes?.Trim(), Time.GetUtcNow(), null, Context.User));
        logged = interaction.OfType<InteractionLogged>().Single();
        customer = interaction.Aggregate((CustomerState?)current, Customer.Evolve);
        return [new StreamAppend(tx.TenantId, stream, ExpectedVersion.Exact(version), [.. interaction.Select(Context.Event)])];
    }

    protected override async Task AfterAppendAsync(
        TenantTransaction tx, ContactLead request, IReadOnlyList<object> decided, IReadOnlyList<AppendResult> results, CancellationToken ct)
    {
        if (customer is null || logged is null) return;
        await CustomerRowWrites.UpsertAsync(tx, customer, results[1].StreamVersion, "", Time.GetUtcNow(), ct);
        await CustomerRows.InsertInteractionAsync(tx, logged, ct);
    }
}
