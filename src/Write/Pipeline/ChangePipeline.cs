using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Renames a pipeline and/or archives it (archiving cannot be undone; it needs no open opportunities).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangePipeline(Guid PipelineId, string? Name, bool? Archived, long? ExpectedVersion = null) : MediatR.IRequest<PipelineChanged>;

public sealed class ChangePipelineValidator : AbstractValidator<ChangePipeline>
{
    public ChangePipelineValidator()
    {
        RuleFor(c => c.Name).Must(n => n is null || !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe el nombre del embudo.")
            .MaximumLength(CreatePipelineValidator.MaxNameLength).WithMessage($"Usa como máximo {CreatePipelineValidator.MaxNameLength} caracteres.");
        RuleFor(c => c.Archived).Must(a => a != false).WithMessage("Un embudo archivado no vuelve a estar activo.");
    }
}

public sealed class ChangePipelineHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : PipelineCommandHandler<ChangePipeline>(context, database, append, serializer)
{
    protected override bool CountsOpportunities => true;

    protected override Guid PipelineIdOf(ChangePipeline request) => request.PipelineId;

    protected override long? ExpectedVersionOf(ChangePipeline request) => request.ExpectedVersion;

    protected override async Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, ChangePipeline request, PipelineState state, CancellationToken ct)
    {
        var commands = new List<SalesPipeline.Command>();
        if (request.Name is not null) commands.Add(new SalesPipeline.Rename(request.Name.Trim()));
        if (request.Archived == true) commands.Add(new SalesPipeline.Archive(await OpportunityRows.OpenInPipelineAsync(tx, state.PipelineId, ct)));
        return commands;
    }
}
