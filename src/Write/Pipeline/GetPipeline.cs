using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>One pipeline and its stages as its stream says now; the version is its ETag.</summary>
[Authorize]
public sealed record GetPipeline(Guid PipelineId) : IRequest<PipelineView>;

public sealed record StageView(
    Guid StageId, int Order, string Name, string Kind, int Probability, string Color, int? ExpectedDays, int? RottingDays);

public sealed record PipelineView(Guid PipelineId, string Name, bool Archived, IReadOnlyList<StageView> Stages, long Version)
{
    public static PipelineView Of(PipelineState state, long version) => new(
        state.PipelineId, state.Name, state.Archived,
        [.. state.Stages.Select((s, i) => new StageView(s.StageId, i + 1, s.Name, Names.Of(s.Kind), s.Probability, s.Color, s.ExpectedDays, s.RottingDays))],
        version);
}

public sealed class GetPipelineHandler(CommandContext context, TenantDatabase database, EventSerializer serializer)
    : IRequestHandler<GetPipeline, PipelineView>
{
    public async Task<PipelineView> Handle(GetPipeline request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, PipelineEvents.PipelineStream(request.PipelineId), cancellationToken);
        var state = SalesPipeline.Fold(events) ?? throw new Domain.NotFoundException("el embudo");
        return PipelineView.Of(state, version);
    }
}
