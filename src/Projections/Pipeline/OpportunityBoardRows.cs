using Npgsql;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;

namespace Platform.Projections.Pipeline;

/// <summary>An opportunity event as statements on the opportunities and tasks tables.</summary>
internal static class OpportunityBoardRows
{
    public static IEnumerable<NpgsqlBatchCommand> For(BoardSql sql, RecordedEvent e)
    {
        var (tenant, at) = (e.TenantId, e.RecordedAt);
        switch (e.Data)
        {
            case OpportunityOpened o:
                yield return BoardSql.Statement($"""
                    insert into {sql.Opportunities} (tenant_id, opportunity_id, customer_id, lead_id, pipeline_id, stage_id, status, title, value,
                        currency, owner_id, expected_close_date, opened_at, stage_entered_at, last_activity_at, updated_at)
                    values ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12, $12, $12, $12)
                    on conflict (tenant_id, opportunity_id) do nothing
                    """, tenant, o.OpportunityId, o.CustomerId, o.LeadId, o.PipelineId, o.StageId, o.Title, o.Value.Amount, o.Value.Currency,
                    o.OwnerId, o.ExpectedCloseDate, at);
                break;
            case OpportunityMoved m:
                yield return Place(sql, tenant, m.OpportunityId, m.ToStageId, "status", at);
                break;
            case OpportunityWon w:
                yield return Place(sql, tenant, w.OpportunityId, w.ToStageId, "'won', won_amount = $5, lost_reason = null, closed_at = $4", at, w.Amount.Amount);
                break;
            case OpportunityLost l:
                yield return Place(sql, tenant, l.OpportunityId, l.ToStageId, "'lost', won_amount = null, lost_reason = $5, closed_at = $4", at, l.Reason);
                break;
            case OpportunityReopened r:
                yield return Place(sql, tenant, r.OpportunityId, r.ToStageId, "'open', won_amount = null, lost_reason = null, closed_at = null", at);
                break;
            case OpportunityRetitled r:
                yield return Set(sql, tenant, r.OpportunityId, "title = $4", at, r.Title);
                break;
            case OpportunityOwnerChanged o:
                yield return Set(sql, tenant, o.OpportunityId, "owner_id = $4", at, o.To);
                break;
            case OpportunityValueChanged v:
                yield return Set(sql, tenant, v.OpportunityId, "value = $4, currency = $5", at, v.To.Amount, v.To.Currency);
                break;
            case OpportunityCloseDateChanged c:
                yield return Set(sql, tenant, c.OpportunityId, "expected_close_date = $4", at, c.To);
                break;
            case OpportunityNoteAdded n:
                yield return Set(sql, tenant, n.OpportunityId, "last_activity_at = $3", at);
                break;
            case OpportunityActivityScheduled a:
                yield return BoardSql.Statement($"""
                    insert into {sql.Tasks} (tenant_id, activity_id, opportunity_id, assignee_id, type, subject, due_at, done)
                    values ($1, $2, $3, $4, $5, $6, $7, false) on conflict (tenant_id, activity_id) do nothing
                    """, tenant, a.ActivityId, a.OpportunityId, a.AssigneeId, a.Type, a.Subject, a.DueAt);
                yield return Set(sql, tenant, a.OpportunityId, "last_activity_at = $3", at);
                break;
            case OpportunityActivityCompleted c:
                yield return BoardSql.Statement($"update {sql.Tasks} set done = true, done_at = $3 where tenant_id = $1 and activity_id = $2", tenant, c.ActivityId, at);
                yield return Set(sql, tenant, c.OpportunityId, "last_activity_at = $3", at);
                break;
        }
    }

    /// <summary>Into a stage: the stage's clock and the activity clock restart. <paramref name="status"/> is SQL: $4 is the time, $5 the extra value.</summary>
    private static NpgsqlBatchCommand Place(BoardSql sql, Guid tenant, Guid id, Guid stageId, string status, DateTimeOffset at, object? extra = null) =>
        BoardSql.Statement($"""
            update {sql.Opportunities} set stage_id = $3, status = {status}, stage_entered_at = $4, last_activity_at = $4, updated_at = $4
             where tenant_id = $1 and opportunity_id = $2
            """, extra is null ? [tenant, id, stageId, at] : [tenant, id, stageId, at, extra]);

    /// <summary><paramref name="assignments"/> is SQL: $3 is the time, $4 on the values.</summary>
    private static NpgsqlBatchCommand Set(BoardSql sql, Guid tenant, Guid id, string assignments, DateTimeOffset at, params object?[] values) =>
        BoardSql.Statement($"update {sql.Opportunities} set {assignments}, updated_at = $3 where tenant_id = $1 and opportunity_id = $2",
            [tenant, id, at, .. values]);
}
