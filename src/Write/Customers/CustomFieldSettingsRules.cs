using System.Linq.Expressions;
using FluentValidation;

namespace Platform.Write.Customers;

/// <summary>The label, position and options of a field, the same when it is defined and when it is changed.</summary>
public sealed class CustomFieldSettingsRules<T> : AbstractValidator<T>
{
    public const int MaxLabel = 100;
    public const int MaxOptions = 50;
    public const int MaxOption = 100;

    public CustomFieldSettingsRules(
        Func<T, string?> type, Expression<Func<T, string>> label, Expression<Func<T, int>> position, Expression<Func<T, IReadOnlyList<string>?>> options)
    {
        RuleFor(label).Must(l => !string.IsNullOrWhiteSpace(l) && l.Trim().Length <= MaxLabel)
            .WithMessage($"Es obligatoria y puede tener hasta {MaxLabel} caracteres.");
        RuleFor(position).InclusiveBetween(0, 1000).WithMessage("Debe estar entre 0 y 1000.");
        RuleFor(options).Must((command, list) => type(command) != FieldTypes.Dropdown || list is { Count: > 0 and <= MaxOptions })
            .WithMessage($"Una lista desplegable necesita entre 1 y {MaxOptions} opciones.");
        RuleFor(options).Must((command, list) => type(command) is FieldTypes.Dropdown or null || list is null || list.Count == 0)
            .WithMessage("Solo las listas desplegables tienen opciones.");
        RuleFor(options).Must(list => list is null || list.All(o => !string.IsNullOrWhiteSpace(o) && o.Trim().Length <= MaxOption))
            .WithMessage($"Cada opción es obligatoria y puede tener hasta {MaxOption} caracteres.");
        RuleFor(options).Must(list => list is null || list.Select(o => o?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == list.Count)
            .WithMessage("Las opciones no se pueden repetir.");
    }
}
