using System.Text.RegularExpressions;
using FluentValidation;

namespace Platform.Write.Pipeline;

/// <summary>A stage as a client describes it; <see cref="Kind"/> counts only when a pipeline is created (open by default).</summary>
public sealed record StageInput(string Name, int Probability, string Color, int? ExpectedDays, int? RottingDays, StageKind? Kind = null)
{
    public PipelineStage ToStage(Guid stageId) =>
        new(stageId, Name.Trim(), Kind ?? StageKind.Open, Probability, Color.ToLowerInvariant(), ExpectedDays, RottingDays);
}

public sealed partial class StageInputValidator : AbstractValidator<StageInput>
{
    public const int MaxNameLength = 60;
    public const int MaxDays = 3650;

    public StageInputValidator()
    {
        RuleFor(s => s.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe el nombre de la etapa.")
            .MaximumLength(MaxNameLength).WithMessage($"Usa como máximo {MaxNameLength} caracteres.");
        RuleFor(s => s.Probability).InclusiveBetween(0, 100).WithMessage("La probabilidad va de 0 a 100.");
        RuleFor(s => s.Color).Must(c => c is not null && HexColor().IsMatch(c)).WithMessage("Usa un color hexadecimal, por ejemplo #1e88e5.");
        RuleFor(s => s.ExpectedDays).InclusiveBetween(0, MaxDays).WithMessage($"Los días esperados van de 0 a {MaxDays}.");
        RuleFor(s => s.RottingDays).InclusiveBetween(1, MaxDays).WithMessage($"Los días sin actividad van de 1 a {MaxDays}.");
        RuleFor(s => s.Kind).IsInEnum();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
