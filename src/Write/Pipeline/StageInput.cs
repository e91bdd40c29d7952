using System.Text.RegularExpressions;
using FluentValidation;

namespace Platform.Write.Pipeline;

/// <summary>A stage as a client describes it; <see cref="Kind"/> counts only when a pipeline is created (open by default).</summary>
/// <summary>What a client says about a stage, in a pipeline's stage list or on its own.</summary>
public interface IStageFields
{
    string Name { get; }

    int Probability { get; }

    string Color { get; }

    int? ExpectedDays { get; }

    int? RottingDays { get; }
}

public sealed record StageInput(string Name, int Probability, string Color, int? ExpectedDays, int? RottingDays, StageKind? Kind = null) : IStageFields
{
    public static StageInput Of(IStageFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(fields.Name, fields.Probability, fields.Color, fields.ExpectedDays, fields.RottingDays);
    }

    public PipelineStage ToStage(Guid stageId) =>
        new(stageId, Name.Trim(), Kind ?? StageKind.Open, Probability, Color.ToLowerInvariant(), ExpectedDays, RottingDays);
}

public sealed class StageInputValidator : AbstractValidator<StageInput>
{
    public StageInputValidator()
    {
        Include(new StageFieldsValidator<StageInput>());
        RuleFor(s => s.Kind).IsInEnum();
    }
}

public sealed partial class StageFieldsValidator<T> : AbstractValidator<T> where T : IStageFields
{
    public const int MaxNameLength = 60;
    public const int MaxDays = 3650;

    public StageFieldsValidator()
    {
        RuleFor(s => s.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe el nombre de la etapa.")
            .MaximumLength(MaxNameLength).WithMessage($"Usa como máximo {MaxNameLength} caracteres.");
        RuleFor(s => s.Probability).InclusiveBetween(0, 100).WithMessage("La probabilidad va de 0 a 100.");
        RuleFor(s => s.Color).Must(c => c is not null && HexColor().IsMatch(c)).WithMessage("Usa un color hexadecimal, por ejemplo #1e88e5.");
        RuleFor(s => s.ExpectedDays).InclusiveBetween(0, MaxDays).WithMessage($"Los días esperados van de 0 a {MaxDays}.");
        RuleFor(s => s.RottingDays).InclusiveBetween(1, MaxDays).WithMessage($"Los días sin actividad van de 1 a {MaxDays}.");
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
