using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>A custom field as values are checked against it.</summary>
public sealed record FieldDefinition(string Key, string Label, string Type, bool Required, IReadOnlyList<string> Options);

/// <summary>
/// Values of custom fields, checked against the tenant's definitions on every write and stored as
/// canonical text: numbers invariant ("1500.5"), dates ISO ("2026-03-01"), booleans "true"/"false",
/// dropdowns as the option is spelled. An empty value unsets the field.
/// </summary>
public static class CustomFieldValues
{
    public const int MaxText = 1000;

    public static async Task<IReadOnlyList<FieldDefinition>> DefinitionsAsync(TenantTransaction tx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command(
            "select key, label, type, required, options from customer_field_definitions where tenant_id = $1 and not removed order by position, key",
            tx.TenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var definitions = new List<FieldDefinition>();
        while (await reader.ReadAsync(ct))
            definitions.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetFieldValue<string[]>(4)));
        return definitions;
    }

    /// <summary>The canonical values, or a validation error naming each bad field ("fields.budget").</summary>
    public static IReadOnlyDictionary<string, string> Canonical(
        IReadOnlyDictionary<string, JsonElement>? values, IReadOnlyList<FieldDefinition> definitions, bool enforceRequired)
    {
        var failures = new List<ValidationFailure>();
        var result = Canonical(values?.ToDictionary(v => v.Key, v => Text(v.Value)), definitions, enforceRequired, failures);
        return failures.Count == 0 ? result : throw new ValidationException(failures);
    }

    /// <summary>Values as text (a file's cells); failures are added, valid values returned.</summary>
    public static Dictionary<string, string> Canonical(
        IReadOnlyDictionary<string, string?>? values, IReadOnlyList<FieldDefinition> definitions, bool enforceRequired, List<ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(failures);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in values ?? new Dictionary<string, string?>())
        {
            var definition = definitions.FirstOrDefault(d => d.Key == key);
            if (definition is null) { failures.Add(new($"fields.{key}", "No es un campo personalizado de los clientes.")); continue; }
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (Canonical(definition, raw.Trim()) is { } value) result[key] = value;
            else failures.Add(new($"fields.{key}", MessageFor(definition)));
        }
        if (enforceRequired)
        {
            foreach (var missing in definitions.Where(d => d.Required && !result.ContainsKey(d.Key)))
                failures.Add(new($"fields.{missing.Key}", $"El campo «{missing.Label}» es obligatorio."));
        }
        return result;
    }

    public static string? Canonical(FieldDefinition definition, string raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Type switch
        {
            FieldTypes.Text => raw.Length <= MaxText && !raw.Contains('\0', StringComparison.Ordinal) ? raw : null,
            FieldTypes.Number => decimal.TryParse(raw, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
                ? number.ToString(CultureInfo.InvariantCulture) : null,
            FieldTypes.Date => DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            FieldTypes.Boolean => raw.ToLowerInvariant() switch
            {
                "true" or "1" or "si" or "sí" or "yes" or "verdadero" => "true",
                "false" or "0" or "no" or "falso" => "false",
                _ => null,
            },
            FieldTypes.Dropdown => definition.Options.FirstOrDefault(o => string.Equals(o, raw, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => "\u0000",
    };

    private static string MessageFor(FieldDefinition definition) => definition.Type switch
    {
        FieldTypes.Text => $"Debe tener como máximo {MaxText} caracteres.",
        FieldTypes.Number => "Debe ser un número, por ejemplo 1500.50.",
        FieldTypes.Date => "Debe ser una fecha AAAA-MM-DD, por ejemplo 2026-03-01.",
        FieldTypes.Boolean => "Debe ser sí o no (true o false).",
        FieldTypes.Dropdown => $"Debe ser una de: {string.Join(", ", definition.Options)}.",
        _ => "No tiene un valor válido.",
    };
}

public static class FieldTypes
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Date = "date";
    public const string Dropdown = "dropdown";
    public const string Boolean = "boolean";

    public static IReadOnlyList<string> All { get; } = [Text, Number, Date, Dropdown, Boolean];
}
