using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Pipeline;

/// <summary>
/// A pipeline's Kanban board: a column per stage with its count, value and probability-weighted value
/// per currency, and its most recently moved cards; a card rots when idle longer than its stage allows.
/// Null when the tenant has no such pipeline.
/// </summary>
[Authorize]
public sealed record GetPipelineBoard(Guid TenantId, Guid PipelineId, int CardsPerColumn) : IRequest<PipelineBoard?>;

public sealed record PipelineBoard(Guid PipelineId, string Name, bool Archived, IReadOnlyList<BoardColumn> Columns, DateTimeOffset At);

public sealed record BoardColumn(
    Guid StageId, int Order, string Name, string Kind, int Probability, string Color, int? ExpectedDays, int? RottingDays,
    long Count, long Rotting, IReadOnlyList<CurrencyTotal> Totals, IReadOnlyList<BoardCard> Cards);

/// <summary>Value is what the column's opportunities are worth (won ones: what they were won for); weighted by the stage's probability.</summary>
public sealed record CurrencyTotal(string Currency, decimal Value, decimal WeightedValue);

public sealed record BoardCard(
    Guid OpportunityId, string Title, Guid CustomerId, Guid OwnerId, string Status, decimal Value, decimal? WonAmount, string Currency,
    DateOnly? ExpectedCloseDate, DateTimeOffset StageEnteredAt, DateTimeOffset LastActivityAt, double IdleDays, bool Rotting);

public sealed class GetPipelineBoardHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetPipelineBoard, PipelineBoard?>
{
    public const int MaxCardsPerColumn = 200;

    public async Task<PipelineBoard?> Handle(GetPipelineBoard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var cards = Math.Clamp(request.CardsPerColumn, 0, MaxCardsPerColumn);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var args = new { tenant = request.TenantId, pipeline = request.PipelineId, cards, now };
            var pipeline = await connection.QuerySingleOrDefaultAsync<PipelineRow>(new CommandDefinition(
                $"select pipeline_id as PipelineId, name as Name, archived as Archived, created_at as CreatedAt from {PipelineViews.Pipelines} where tenant_id = @tenant and pipeline_id = @pipeline",
                args, tx, cancellationToken: cancellationToken));
            if (pipeline is null) return null;
            var stages = await connection.QueryAsync<StageRow>(new CommandDefinition($"""
                select pipeline_id as PipelineId, stage_id as StageId, position as Position, name as Name, kind as Kind, probability as Probability,
                       color as Color, expected_days as ExpectedDays, rotting_days as RottingDays
                  from {PipelineViews.Stages} where tenant_id = @tenant and pipeline_id = @pipeline order by position
                """, args, tx, cancellationToken: cancellationToken));
            var totals = (await connection.QueryAsync<TotalRow>(new CommandDefinition(BoardSql.Totals, args, tx, cancellationToken: cancellationToken))).ToList();
            var rows = (await connection.QueryAsync<CardRow>(new CommandDefinition(BoardSql.Cards, args, tx, cancellationToken: cancellationToken))).ToList();
            var columns = stages.Select(s =>
            {
                var mine = totals.Where(t => t.StageId == s.StageId).ToList();
                return new BoardColumn(s.StageId, s.Position, s.Name, s.Kind, s.Probability, s.Color, s.ExpectedDays, s.RottingDays,
                    mine.Sum(t => t.Count), mine.Sum(t => t.Rotting),
                    [.. mine.OrderBy(t => t.Currency, StringComparer.Ordinal).Select(t => new CurrencyTotal(t.Currency, t.Value, decimal.Round(t.Value * s.Probability / 100m, 2)))],
                    [.. rows.Where(c => c.StageId == s.StageId).Select(c => c.ToCard(now))]);
            }).ToList();
            return new PipelineBoard(pipeline.PipelineId, pipeline.Name, pipeline.Archived, columns, now);
        }, cancellationToken);
    }
}
