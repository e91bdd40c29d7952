using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Pipeline;

/// <summary>The tenant's pipelines with their stages, oldest first; archived ones only when asked.</summary>
[Authorize]
public sealed record ListPipelines(Guid TenantId, bool IncludeArchived, PageRequest Page) : IRequest<Page<PipelineSummary>>;

public sealed record StageSummary(Guid StageId, int Order, string Name, string Kind, int Probability, string Color, int? ExpectedDays, int? RottingDays);

public sealed record PipelineSummary(Guid PipelineId, string Name, bool Archived, DateTimeOffset CreatedAt, IReadOnlyList<StageSummary> Stages);

public sealed class ListPipelinesHandler(Tenancy.TenantReads reads) : IRequestHandler<ListPipelines, Page<PipelineSummary>>
{
    public async Task<Page<PipelineSummary>> Handle(ListPipelines request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var after)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        var (pipelines, stages) = await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var pipelines = (await connection.QueryAsync<PipelineRow>(new CommandDefinition($"""
                select pipeline_id as PipelineId, name as Name, archived as Archived, created_at as CreatedAt
                  from {PipelineViews.Pipelines}
                 where tenant_id = @tenant and (@after::uuid is null or pipeline_id > @after) and (@archived or not archived)
                 order by pipeline_id
                 limit @limit
                """, new { tenant = request.TenantId, after = request.Page.Cursor is null ? (Guid?)null : after, archived = request.IncludeArchived,
                limit = request.Page.Limit + 1 }, tx, cancellationToken: cancellationToken))).ToList();
            var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition($"""
                select pipeline_id as PipelineId, stage_id as StageId, position as Position, name as Name, kind as Kind, probability as Probability,
                       color as Color, expected_days as ExpectedDays, rotting_days as RottingDays
                  from {PipelineViews.Stages}
                 where tenant_id = @tenant and pipeline_id = any(@ids)
                 order by position
                """, new { tenant = request.TenantId, ids = pipelines.Select(p => p.PipelineId).ToArray() }, tx, cancellationToken: cancellationToken))).ToList();
            return (pipelines, stages);
        }, cancellationToken);
        var more = pipelines.Count > request.Page.Limit;
        if (more) pipelines.RemoveAt(pipelines.Count - 1);
        var items = pipelines.Select(p => new PipelineSummary(p.PipelineId, p.Name, p.Archived, new DateTimeOffset(p.CreatedAt, TimeSpan.Zero),
            [.. stages.Where(s => s.PipelineId == p.PipelineId).Select(s => s.ToSummary())])).ToList();
        return new Page<PipelineSummary>(items, more ? PageRequest.WriteCursor(items[^1].PipelineId) : null);
    }
}

internal sealed record PipelineRow(Guid PipelineId, string Name, bool Archived, DateTime CreatedAt);

internal sealed record StageRow(
    Guid PipelineId, Guid StageId, int Position, string Name, string Kind, int Probability, string Color, int? ExpectedDays, int? RottingDays)
{
    public StageSummary ToSummary() => new(StageId, Position, Name, Kind, Probability, Color, ExpectedDays, RottingDays);
}
