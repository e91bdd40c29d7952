using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Records a call, e-mail, meeting, WhatsApp, visit or note with a customer; its time counts for the segments.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record LogInteraction(
    Guid CustomerId, string Kind, string? Outcome, string? Notes, DateTimeOffset? OccurredAt, DateOnly? FollowUpOn, long? ExpectedVersion = null)
    : IRequest<InteractionRecorded>
{
    // A logged request must not carry what was said.
    public override string ToString() => $"LogInteraction {{ CustomerId = {CustomerId}, Kind = {Kind} }}";
}

public sealed record InteractionRecorded(Guid CustomerId, Guid InteractionId, long Version);

public sealed class LogInteractionValidator : AbstractValidator<LogInteraction>
{
    public const int MaxNotes = 4000;

    public LogInteractionValidator(TimeProvider time)
    {
        RuleFor(c => c.Kind).Must(k => InteractionKinds.All.Contains(k)).WithMessage($"Debe ser uno de: {string.Join(", ", InteractionKinds.All)}.");
        RuleFor(c => c.Outcome).Must(o => o is null || InteractionKinds.Outcomes.Contains(o))
            .WithMessage($"Debe ser uno de: {string.Join(", ", InteractionKinds.Outcomes)}.");
        RuleFor(c => c.Notes).MaximumLength(MaxNotes).WithMessage($"Debe tener como máximo {MaxNotes} caracteres.");
        RuleFor(c => c.OccurredAt).Must(at => at is null || (at.Value.Year >= 2000 && at.Value <= time.GetUtcNow().AddDays(1)))
            .WithMessage("Debe ser una fecha pasada (desde el año 2000), no futura.");
        RuleFor(c => c.FollowUpOn).Must(on => on is null || on.Value.Year is >= 2000 and <= 2200).WithMessage("No es una fecha válida.");
    }
}

public sealed class LogInteractionHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<LogInteraction, InteractionRecorded>
{
    public async Task<InteractionRecorded> Handle(LogInteraction request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stream = CustomerStreams.Customer(request.CustomerId);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await CustomerRows.LockCustomerAsync(tx, request.CustomerId, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Customer.Fold(events) ?? throw new Domain.NotFoundException("el cliente");
        tx.EnsureExpected(stream, request.ExpectedVersion, version);

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        var decided = Customer.Decide(state, new Customer.LogInteraction(
            id, request.Kind, request.Outcome, notes, (request.OccurredAt ?? now).ToUniversalTime(), request.FollowUpOn, context.UserId));
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), [.. decided.Select(context.Event)], cancellationToken);
        await CustomerRowWrites.UpsertAsync(tx, decided.Aggregate((CustomerState?)state, Customer.Evolve)!, result.StreamVersion, "", now, cancellationToken);
        await CustomerRows.InsertInteractionAsync(tx, (InteractionLogged)decided[0], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new InteractionRecorded(request.CustomerId, id, result.StreamVersion);
    }
}
