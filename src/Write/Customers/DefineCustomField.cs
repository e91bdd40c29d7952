using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Adds a custom field to the tenant's customers: text, number, date, dropdown or boolean.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record DefineCustomField(string Key, string Label, string Type, bool Required, int Position, IReadOnlyList<string>? Options)
    : IRequest<CustomFieldChangedResult>;

/// <summary>The field and the version of its stream after the change: its new ETag.</summary>
public sealed record CustomFieldChangedResult(Guid FieldId, long Version);

public sealed partial class DefineCustomFieldValidator : AbstractValidator<DefineCustomField>
{
    public DefineCustomFieldValidator()
    {
        RuleFor(c => c.Key).Must(k => k is not null && KeyPattern().IsMatch(k))
            .WithMessage("Debe empezar con una letra minúscula y tener solo minúsculas, números y _ (hasta 40), por ejemplo presupuesto_max.");
        RuleFor(c => c.Type).Must(t => FieldTypes.All.Contains(t)).WithMessage($"Debe ser uno de: {string.Join(", ", FieldTypes.All)}.");
        Include(new CustomFieldSettingsRules<DefineCustomField>(c => c.Type, c => c.Label, c => c.Position, c => c.Options));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();
}

public sealed class DefineCustomFieldHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, TimeProvider time)
    : IRequestHandler<DefineCustomField, CustomFieldChangedResult>
{
    public async Task<CustomFieldChangedResult> Handle(DefineCustomField request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await CustomFieldRows.LockAsync(tx, cancellationToken);
        if (await CustomFieldRows.KeyTakenAsync(tx, request.Key, cancellationToken))
            throw new ConflictException("custom-field-key-taken", "Ya hay un campo personalizado con esa clave.");
        var id = Guid.CreateVersion7();
        var settings = CustomFieldSettings.Of(request.Type, request.Label, request.Required, request.Position, request.Options);
        var events = CustomField.Decide(null, new CustomField.Define(id, request.Key, request.Type, settings, await CustomFieldRows.DefinedAsync(tx, cancellationToken)));
        var result = await append.AppendAsync(tx, CustomFieldStreams.Field(id), ExpectedVersion.NoStream, [.. events.Select(context.Event)], cancellationToken);
        await CustomFieldRows.UpsertAsync(tx, CustomField.Fold(events)!, result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new CustomFieldChangedResult(id, result.StreamVersion);
    }
}
