using Platform.Projections.Daemon;
using Platform.Read.Pipeline;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;

namespace Platform.Projections.Pipeline;

/// <summary>
/// The sales teams' read model: pipelines and their stages, one row per opportunity (where it sits,
/// what it is worth, when it last moved or saw activity) and one per activity. Boards, lists, my
/// tasks, customers' lifetime value and analytics read it.
/// </summary>
public sealed class PipelineBoardProjection : IProjection
{
    public const string ProjectionName = "pipeline-board";

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        PipelineEvents.PipelineCreatedName, PipelineEvents.PipelineRenamedName, PipelineEvents.PipelineArchivedName, PipelineEvents.StageAddedName,
        PipelineEvents.StageChangedName, PipelineEvents.StagesReorderedName, PipelineEvents.StageRemovedName, .. OpportunityEvents.All,
    ];

    public IReadOnlyCollection<string> Tables => PipelineViews.All;

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => PipelineBoardTables.CreateAsync(context, ct);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var sql = new BoardSql(context);
        foreach (var e in events)
        {
            if (e.Data is null) continue;
            await using var batch = context.CreateBatch();
            foreach (var command in PipelineRows.For(sql, e).Concat(OpportunityBoardRows.For(sql, e))) batch.BatchCommands.Add(command);
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>The generation's table names and a way to make one positional statement.</summary>
internal sealed class BoardSql(ProjectionContext context)
{
    public string Pipelines { get; } = context.Table(PipelineViews.Pipelines);

    public string Stages { get; } = context.Table(PipelineViews.Stages);

    public string Opportunities { get; } = context.Table(PipelineViews.Opportunities);

    public string Tasks { get; } = context.Table(PipelineViews.Tasks);

    public static Npgsql.NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var command = new Npgsql.NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
