using Npgsql;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;

namespace Platform.Projections.Pipeline;

/// <summary>A pipeline event as statements on the pipelines and stages tables.</summary>
internal static class PipelineRows
{
    public static IEnumerable<NpgsqlBatchCommand> For(BoardSql sql, RecordedEvent e)
    {
        var (tenant, at) = (e.TenantId, e.RecordedAt);
        switch (e.Data)
        {
            case PipelineCreated c:
                yield return BoardSql.Statement($"""
                    insert into {sql.Pipelines} (tenant_id, pipeline_id, name, archived, created_at, updated_at) values ($1, $2, $3, false, $4, $4)
                    on conflict (tenant_id, pipeline_id) do nothing
                    """, tenant, c.PipelineId, c.Name, at);
                for (var i = 0; i < c.Stages.Count; i++) yield return UpsertStage(sql, tenant, c.PipelineId, c.Stages[i], i + 1);
                break;
            case PipelineRenamed r:
                yield return BoardSql.Statement($"update {sql.Pipelines} set name = $3, updated_at = $4 where tenant_id = $1 and pipeline_id = $2",
                    tenant, r.PipelineId, r.Name, at);
                break;
            case PipelineArchived a:
                yield return BoardSql.Statement($"update {sql.Pipelines} set archived = true, updated_at = $3 where tenant_id = $1 and pipeline_id = $2",
                    tenant, a.PipelineId, at);
                break;
            case PipelineStageAdded a:
                yield return BoardSql.Statement($"update {sql.Stages} set position = position + 1 where tenant_id = $1 and pipeline_id = $2 and position >= $3",
                    tenant, a.PipelineId, a.Order);
                yield return UpsertStage(sql, tenant, a.PipelineId, a.Stage, a.Order);
                break;
            case PipelineStageChanged c:
                yield return BoardSql.Statement($"""
                    update {sql.Stages} set name = $4, probability = $5, color = $6, expected_days = $7, rotting_days = $8
                     where tenant_id = $1 and pipeline_id = $2 and stage_id = $3
                    """, tenant, c.PipelineId, c.Stage.StageId, c.Stage.Name, c.Stage.Probability, c.Stage.Color, c.Stage.ExpectedDays, c.Stage.RottingDays);
                break;
            case PipelineStagesReordered r:
                yield return BoardSql.Statement($"""
                    update {sql.Stages} s set position = o.position
                      from unnest($3::uuid[]) with ordinality as o(stage_id, position)
                     where s.tenant_id = $1 and s.pipeline_id = $2 and s.stage_id = o.stage_id
                    """, tenant, r.PipelineId, r.StageIds.ToArray());
                break;
            case PipelineStageRemoved r:
                yield return BoardSql.Statement($"delete from {sql.Stages} where tenant_id = $1 and pipeline_id = $2 and stage_id = $3", tenant, r.PipelineId, r.StageId);
                yield return BoardSql.Statement($"""
                    update {sql.Stages} s set position = n.position
                      from (select stage_id, row_number() over (order by position) as position from {sql.Stages} where tenant_id = $1 and pipeline_id = $2) n
                     where s.tenant_id = $1 and s.pipeline_id = $2 and s.stage_id = n.stage_id
                    """, tenant, r.PipelineId);
                break;
        }
    }

    private static NpgsqlBatchCommand UpsertStage(BoardSql sql, Guid tenant, Guid pipelineId, PipelineStage s, int position) => BoardSql.Statement($"""
        insert into {sql.Stages} (tenant_id, pipeline_id, stage_id, name, kind, position, probability, color, expected_days, rotting_days)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        on conflict (tenant_id, pipeline_id, stage_id) do update set name = excluded.name, position = excluded.position,
            probability = excluded.probability, color = excluded.color, expected_days = excluded.expected_days, rotting_days = excluded.rotting_days
        """, tenant, pipelineId, s.StageId, s.Name, Names.Of(s.Kind), position, s.Probability, s.Color, s.ExpectedDays, s.RottingDays);
}
