using Platform.Write.Domain;

namespace Platform.Write.Customers;

public sealed record CustomFieldSettings(string Label, bool Required, int Position, IReadOnlyList<string> Options)
{
    /// <summary>Settings as requested, trimmed; only dropdowns keep options.</summary>
    public static CustomFieldSettings Of(string type, string label, bool required, int position, IReadOnlyList<string>? options) =>
        new(label.Trim(), required, position, type == FieldTypes.Dropdown ? [.. (options ?? []).Select(o => o.Trim())] : []);

    public bool SameAs(CustomFieldSettings other) =>
        other is not null && Label == other.Label && Required == other.Required && Position == other.Position
        && Options.SequenceEqual(other.Options, StringComparer.Ordinal);
}

public sealed record CustomFieldState(Guid FieldId, string Key, string Type, CustomFieldSettings Settings, bool Removed);

/// <summary>A custom field definition: its state is a fold of its stream; decisions are pure.</summary>
public static class CustomField
{
    public const int MaxPerTenant = 50;

    public abstract record Command;

    /// <summary><paramref name="Defined"/>: the tenant's fields in use now, which the limit counts.</summary>
    public sealed record Define(Guid FieldId, string Key, string Type, CustomFieldSettings Settings, long Defined) : Command;

    public sealed record Change(CustomFieldSettings Settings) : Command;

    public sealed record Remove : Command;

    public static CustomFieldState? Evolve(CustomFieldState? state, object @event) => (state, @event) switch
    {
        (null, CustomFieldDefined d) => new CustomFieldState(d.FieldId, d.Key, d.Type, new(d.Label, d.Required, d.Position, d.Options), false),
        ({ } s, CustomFieldChanged c) => s with { Settings = new(c.Label, c.Required, c.Position, c.Options) },
        ({ } s, CustomFieldRemoved) => s with { Removed = true },
        _ => state,
    };

    public static CustomFieldState? Fold(IEnumerable<object> events) => events.Aggregate((CustomFieldState?)null, Evolve);

    public static IReadOnlyList<object> Decide(CustomFieldState? state, Command command) => command switch
    {
        Define when state is not null => throw new ConflictException("custom-field-exists", "El campo ya existe."),
        Define d => [DecideDefine(d)],
        Change c => Live(state).Settings.SameAs(c.Settings) ? [] : [Changed(state!.FieldId, c.Settings)],
        Remove => [new CustomFieldRemoved(Live(state).FieldId)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a custom field command."),
    };

    private static CustomFieldDefined DecideDefine(Define d)
    {
        if (d.Defined >= MaxPerTenant)
        {
            var error = new DomainException("custom-field-limit", $"Los clientes pueden tener como máximo {MaxPerTenant} campos personalizados.");
            error.Details["limit"] = MaxPerTenant;
            throw error;
        }
        return new CustomFieldDefined(d.FieldId, d.Key, d.Settings.Label, d.Type, d.Settings.Required, d.Settings.Position, d.Settings.Options);
    }

    private static CustomFieldChanged Changed(Guid id, CustomFieldSettings s) => new(id, s.Label, s.Required, s.Position, s.Options);

    private static CustomFieldState Live(CustomFieldState? state) =>
        state is null || state.Removed ? throw new NotFoundException("el campo personalizado") : state;
}
