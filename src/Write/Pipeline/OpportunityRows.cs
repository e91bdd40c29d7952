using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>The opportunity_positions row of an opportunity, kept equal to its stream's fold.</summary>
public static class OpportunityRows
{
    /// <summary>
    /// Opportunity changes hold the pipeline's lock shared, so they run side by side; archiving it or
    /// removing a stage holds it exclusively, so the open opportunities it counts cannot change meanwhile.
    /// </summary>
    public static Task LockPipelineAsync(TenantTransaction tx, Guid pipelineId, bool exclusive, CancellationToken ct) =>
        tx.ExecuteAsync(
            $"select {(exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")}(hashtextextended('pipeline/' || $1::text || '/' || $2::text, 0))",
            ct, tx.TenantId, pipelineId);

    public static Task<long> OpenInPipelineAsync(TenantTransaction tx, Guid pipelineId, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from opportunity_positions where tenant_id = $1 and pipeline_id = $2 and status = 'open'",
            ct, tx.TenantId, pipelineId);

    public static Task<long> OpenInStageAsync(TenantTransaction tx, Guid pipelineId, Guid stageId, CancellationToken ct) =>
        tx.ScalarAsync<long>(
            "select count(*) from opportunity_positions where tenant_id = $1 and pipeline_id = $2 and stage_id = $3 and status = 'open'",
            ct, tx.TenantId, pipelineId, stageId);

    public static Task UpsertAsync(TenantTransaction tx, OpportunityState state, long version, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into opportunity_positions (tenant_id, opportunity_id, pipeline_id, stage_id, status, owner_id, version)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, opportunity_id) do update set
                stage_id = excluded.stage_id, status = excluded.status, owner_id = excluded.owner_id, version = excluded.version
            """, ct, tx.TenantId, state.OpportunityId, state.PipelineId, state.StageId, Catalog.Names.Of(state.Status), state.OwnerId, version);
}
