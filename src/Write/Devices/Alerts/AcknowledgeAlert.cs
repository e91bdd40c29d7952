using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices.Alerts;

/// <summary>
/// A user takes charge of an alert, active or cleared; once given, an acknowledgement stands (asking
/// again changes nothing) until the alert escalates. Answers the alert stream's version.
/// </summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record AcknowledgeAlert(Guid AlertId, string? Note) : IRequest<long>;

public sealed class AcknowledgeAlertValidator : AbstractValidator<AcknowledgeAlert>
{
    public AcknowledgeAlertValidator() =>
        RuleFor(c => c.Note).MaximumLength(500).Must(n => n is null || !n.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            .WithMessage("No puede tener caracteres de control.");
}

public sealed class AcknowledgeAlertHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<AcknowledgeAlert, long>
{
    public async Task<long> Handle(AcknowledgeAlert request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var stream = AlertEvents.Stream(request.AlertId);
        // Locked before it is read: the alerts reactor may be escalating or clearing this alert now,
        // and the acknowledgement must be decided on what it wrote, not fail on it.
        await tx.ExecuteAsync("select lock_event_streams($1, $2)", cancellationToken, new[] { tx.TenantId }, new[] { stream });
        var (history, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Alert.Fold(history);
        var events = Alert.Decide(state, new Alert.Acknowledge(context.User, time.GetUtcNow(), request.Note));
        if (events.Count == 0) return version;
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), cancellationToken);
        await AlertRows.ApplyAsync(tx.Connection, tx.Transaction, tx.TenantId, events, result.StreamVersion, "", cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }
}
