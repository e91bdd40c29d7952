using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>
/// A new pipeline, from the given stages (exactly one won and one lost among them) or else from a
/// template: dealership, real-estate or generic (the tenant's industry's by default).
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record CreatePipeline(string Name, string? Template, IReadOnlyList<StageInput>? Stages) : IRequest<PipelineChanged>;

public sealed class CreatePipelineValidator : AbstractValidator<CreatePipeline>
{
    public const int MaxNameLength = 80;

    public CreatePipelineValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe el nombre del embudo.")
            .MaximumLength(MaxNameLength).WithMessage($"Usa como máximo {MaxNameLength} caracteres.");
        RuleFor(c => c.Template).Must(t => t is null || PipelineTemplates.All.Contains(t))
            .WithMessage($"Debe ser una de: {string.Join(", ", PipelineTemplates.All)}.");
        RuleFor(c => c.Stages).Must(s => s is null || s.Count <= SalesPipeline.MaxStages).WithMessage($"Hasta {SalesPipeline.MaxStages} etapas.");
        RuleForEach(c => c.Stages).NotNull().WithMessage("Ninguna etapa puede ser nula.").SetValidator(new StageInputValidator());
    }
}

public sealed class CreatePipelineHandler(CommandContext context, TenantDatabase database, TransactionalAppend append)
    : IRequestHandler<CreatePipeline, PipelineChanged>
{
    public async Task<PipelineChanged> Handle(CreatePipeline request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var template = request.Template
            ?? PipelineTemplates.ForIndustry(await tx.ScalarAsync<string>("select industry from tenants where tenant_id = $1", cancellationToken, tx.TenantId));
        var stages = request.Stages is { Count: > 0 } given
            ? [.. given.Select(s => s.ToStage(Guid.CreateVersion7()))]
            : PipelineTemplates.Stages(template);
        var id = Guid.CreateVersion7();
        var events = SalesPipeline.Decide(null, new SalesPipeline.Create(id, request.Name.Trim(), stages));
        var result = await append.AppendAsync(tx, PipelineEvents.PipelineStream(id), ExpectedVersion.NoStream, events.Select(context.Event).ToList(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new PipelineChanged(id, result.StreamVersion);
    }
}
