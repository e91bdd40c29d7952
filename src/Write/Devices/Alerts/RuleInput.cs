using FluentValidation;

namespace Platform.Write.Devices.Alerts;

public sealed record RuleLevelInput(AlertSeverity? Severity, decimal? Above, decimal? Below);

/// <summary>A rule as a request sends it, checked by <see cref="RuleInputValidator{T}"/> before it becomes a <see cref="RuleDefinition"/>.</summary>
public interface IRuleInput
{
    string? Name { get; }
    RuleKind? Kind { get; }
    string? Sensor { get; }
    IReadOnlyList<RuleLevelInput>? Levels { get; }
    int? HoldSeconds { get; }
    int? NoDataMinutes { get; }
}

public static class RuleInputs
{
    public static RuleDefinition ToDefinition(this IRuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var noData = input.Kind == RuleKind.NoData;
        return new RuleDefinition(
            input.Name!.Trim(), input.Kind!.Value, string.IsNullOrWhiteSpace(input.Sensor) ? null : input.Sensor,
            [.. input.Levels!.Select(l => new RuleLevel(l.Severity!.Value, noData ? null : l.Above, noData ? null : l.Below))],
            noData ? 0 : input.HoldSeconds ?? 0, noData ? input.NoDataMinutes ?? 0 : 0);
    }
}

public abstract class RuleInputValidator<T> : AbstractValidator<T> where T : IRuleInput
{
    private const decimal Limit = 1_000_000_000m;

    protected RuleInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(60).Must(n => n is null || !n.Any(char.IsControl)).WithMessage("No puede tener caracteres de control.");
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Sensor).NotEmpty().When(r => r.Kind is not RuleKind.NoData).WithMessage("Indica el sensor que vigila la regla.");
        RuleFor(r => r.Sensor).Matches("^[a-z][a-z0-9_]{0,22}$").When(r => !string.IsNullOrEmpty(r.Sensor))
            .WithMessage("Minúsculas, dígitos y _, empezando por una letra; hasta 23 caracteres.");
        RuleFor(r => r.Levels).Cascade(CascadeMode.Stop).NotNull()
            .Must(l => l!.Count is > 0 and <= RuleDefinition.MaxLevels).WithMessage($"De 1 a {RuleDefinition.MaxLevels} niveles.")
            .Must(l => l!.All(x => x is not null)).WithMessage("Ningún nivel puede ser nulo.")
            .Must(l => l!.Select(x => x.Severity).Distinct().Count() == l!.Count).WithMessage("Cada nivel debe tener una severidad distinta.");
        RuleFor(r => r.Levels).Must(l => l is not { Count: > 1 }).When(r => r.Kind == RuleKind.NoData).WithMessage("Una regla sin datos tiene un solo nivel.");
        RuleForEach(r => r.Levels).Where(l => l is not null).ChildRules(level =>
        {
            level.RuleFor(l => l.Severity).NotNull().IsInEnum();
            level.RuleFor(l => l.Above).InclusiveBetween(-Limit, Limit);
            level.RuleFor(l => l.Below).InclusiveBetween(-Limit, Limit);
            level.RuleFor(l => l.Below).LessThan(l => l.Above).When(l => l.Above is not null && l.Below is not null)
                .WithMessage("En una banda, below debe ser menor que above: alerta fuera de [below, above].");
        });
        RuleForEach(r => r.Levels).Must(l => l is null || l.Above is not null || l.Below is not null).When(r => r.Kind is not RuleKind.NoData)
            .WithMessage("Cada nivel necesita above, below o ambos.");
        RuleFor(r => r.HoldSeconds).InclusiveBetween(0, 86_400);
        RuleFor(r => r.NoDataMinutes).NotNull().InclusiveBetween(1, 10_080).When(r => r.Kind == RuleKind.NoData);
    }
}
