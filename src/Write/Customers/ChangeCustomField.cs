using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Renames, reorders, makes (not) required or changes the options of a field; key and type stay.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeCustomField(Guid FieldId, string Label, bool Required, int Position, IReadOnlyList<string>? Options, long? ExpectedVersion = null)
    : IRequest<CustomFieldChangedResult>;

/// <summary>Stops asking for and showing a field.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RemoveCustomField(Guid FieldId, long? ExpectedVersion = null) : IRequest<CustomFieldChangedResult>;

public sealed class ChangeCustomFieldValidator : AbstractValidator<ChangeCustomField>
{
    // The type is the stored one; the handler checks options against it.
    public ChangeCustomFieldValidator() =>
        Include(new CustomFieldSettingsRules<ChangeCustomField>(_ => null, c => c.Label, c => c.Position, c => c.Options));
}

public sealed class CustomFieldCommandHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<ChangeCustomField, CustomFieldChangedResult>, IRequestHandler<RemoveCustomField, CustomFieldChangedResult>
{
    public Task<CustomFieldChangedResult> Handle(ChangeCustomField request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DecideAsync(request.FieldId, request.ExpectedVersion, state =>
        {
            if (state.Type == FieldTypes.Dropdown && request.Options is not { Count: > 0 })
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("options", "Una lista desplegable necesita al menos una opción.")]);
            if (state.Type != FieldTypes.Dropdown && request.Options is { Count: > 0 })
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("options", "Solo las listas desplegables tienen opciones.")]);
            return new CustomField.Change(CustomFieldSettings.Of(state.Type, request.Label, request.Required, request.Position, request.Options));
        }, cancellationToken);
    }

    public Task<CustomFieldChangedResult> Handle(RemoveCustomField request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DecideAsync(request.FieldId, request.ExpectedVersion, _ => new CustomField.Remove(), cancellationToken);
    }

    private async Task<CustomFieldChangedResult> DecideAsync(Guid id, long? expected, Func<CustomFieldState, CustomField.Command> command, CancellationToken ct)
    {
        var stream = CustomFieldStreams.Field(id);
        await using var tx = await database.BeginAsync(context.Tenant, ct);
        await CustomFieldRows.LockAsync(tx, ct);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, ct);
        var state = CustomField.Fold(events);
        if (state is null || state.Removed) throw new Domain.NotFoundException("el campo personalizado");
        tx.EnsureExpected(stream, expected, version);
        var decided = CustomField.Decide(state, command(state));
        if (decided.Count == 0) return new CustomFieldChangedResult(id, version);
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), [.. decided.Select(context.Event)], ct);
        await CustomFieldRows.UpsertAsync(tx, decided.Aggregate((CustomFieldState?)state, CustomField.Evolve)!, result.StreamVersion, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return new CustomFieldChangedResult(id, result.StreamVersion);
    }
}
