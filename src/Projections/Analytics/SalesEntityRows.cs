using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>Writes a batch's leads, opportunities and stays back set-based, one statement per table.</summary>
internal static class SalesEntityRows
{
    internal const string LeadColumns = "tenant_id, lead_id, source, created_day, assigned_id, responder_id, response_seconds, response_day, converted_day, opportunity_id, pipeline_id, outcome, won_amount, currency";
    internal const string OpportunityColumns = "tenant_id, opportunity_id, lead_id, pipeline_id, owner_id, source, opened_day, status, won_amount, currency, stay_seq, stage_id, stage_entered_at, stage_entered_day";
    private const string StayColumns = "tenant_id, opportunity_id, seq, stage_id, pipeline_id, owner_id, source, entered_at, entered_day, left_at, left_day, outcome, amount, currency, reason";

    public static IEnumerable<NpgsqlBatchCommand> Write(ProjectionContext context, SalesEntityBatch batch)
    {
        var (leads, opportunities, stays) =
            (context.Table(AnalyticsViews.Leads), context.Table(AnalyticsViews.Opportunities), context.Table(AnalyticsViews.StageStays));
        if (batch.Leads.Count > 0)
        {
            var l = batch.Leads.Values.ToList();
            yield return Command($"""
                insert into {leads} ({LeadColumns})
                select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::uuid[], $6::uuid[], $7::bigint[], $8::date[], $9::date[],
                                     $10::uuid[], $11::uuid[], $12::text[], $13::numeric[], $14::text[])
                on conflict (tenant_id, lead_id) do update set assigned_id = excluded.assigned_id, responder_id = excluded.responder_id,
                    response_seconds = excluded.response_seconds, response_day = excluded.response_day, converted_day = excluded.converted_day,
                    opportunity_id = excluded.opportunity_id, pipeline_id = excluded.pipeline_id, outcome = excluded.outcome,
                    won_amount = excluded.won_amount, currency = excluded.currency
                """, l.Select(x => x.TenantId).ToArray(), l.Select(x => x.LeadId).ToArray(), l.Select(x => x.Source).ToArray(),
                l.Select(x => x.CreatedDay).ToArray(), l.Select(x => x.AssignedId).ToArray(), l.Select(x => x.ResponderId).ToArray(),
                l.Select(x => x.ResponseSeconds).ToArray(), l.Select(x => x.ResponseDay).ToArray(), l.Select(x => x.ConvertedDay).ToArray(),
                l.Select(x => x.OpportunityId).ToArray(), l.Select(x => x.PipelineId).ToArray(), l.Select(x => x.Outcome).ToArray(),
                l.Select(x => x.WonAmount).ToArray(), l.Select(x => x.Currency).ToArray());
        }
        if (batch.Opportunities.Count > 0)
        {
            var o = batch.Opportunities.Values.ToList();
            yield return Command($"""
                insert into {opportunities} ({OpportunityColumns})
                select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::date[], $8::text[], $9::numeric[],
                                     $10::text[], $11::int[], $12::uuid[], $13::timestamptz[], $14::date[])
                on conflict (tenant_id, opportunity_id) do update set owner_id = excluded.owner_id, status = excluded.status,
                    won_amount = excluded.won_amount, currency = excluded.currency, stay_seq = excluded.stay_seq, stage_id = excluded.stage_id,
                    stage_entered_at = excluded.stage_entered_at, stage_entered_day = excluded.stage_entered_day
                """, o.Select(x => x.TenantId).ToArray(), o.Select(x => x.OpportunityId).ToArray(), o.Select(x => x.LeadId).ToArray(),
                o.Select(x => x.PipelineId).ToArray(), o.Select(x => x.OwnerId).ToArray(), o.Select(x => x.Source).ToArray(),
                o.Select(x => x.OpenedDay).ToArray(), o.Select(x => x.Status).ToArray(), o.Select(x => x.WonAmount).ToArray(),
                o.Select(x => x.Currency).ToArray(), o.Select(x => x.StaySeq).ToArray(), o.Select(x => x.StageId).ToArray(),
                o.Select(x => x.StageEnteredAt).ToArray(), o.Select(x => x.StageEnteredDay).ToArray());
        }
        if (batch.Stays.Count > 0)
        {
            var s = batch.Stays.Values.ToList();
            yield return Command($"""
                insert into {stays} ({StayColumns})
                select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[], $9::date[],
                                     $10::timestamptz[], $11::date[], $12::text[], $13::numeric[], $14::text[], $15::text[])
                on conflict (tenant_id, opportunity_id, seq) do update set owner_id = excluded.owner_id, left_at = excluded.left_at,
                    left_day = excluded.left_day, outcome = excluded.outcome, amount = excluded.amount, currency = excluded.currency, reason = excluded.reason
                """, s.Select(x => x.TenantId).ToArray(), s.Select(x => x.OpportunityId).ToArray(), s.Select(x => x.Seq).ToArray(),
                s.Select(x => x.StageId).ToArray(), s.Select(x => x.PipelineId).ToArray(), s.Select(x => x.OwnerId).ToArray(),
                s.Select(x => x.Source).ToArray(), s.Select(x => x.EnteredAt).ToArray(), s.Select(x => x.EnteredDay).ToArray(),
                s.Select(x => x.LeftAt).ToArray(), s.Select(x => x.LeftDay).ToArray(), s.Select(x => x.Outcome).ToArray(),
                s.Select(x => x.Amount).ToArray(), s.Select(x => x.Currency).ToArray(), s.Select(x => x.Reason).ToArray());
        }
        if (batch.OwnerChanged.Count > 0)
        {
            var changed = batch.OwnerChanged.Select(k => batch.Opportunities[k]).ToList();
            yield return Command($"""
                update {stays} s set owner_id = c.owner_id from unnest($1::uuid[], $2::uuid[], $3::uuid[]) c(tenant_id, opportunity_id, owner_id)
                 where s.tenant_id = c.tenant_id and s.opportunity_id = c.opportunity_id and s.owner_id <> c.owner_id
                """, changed.Select(x => x.TenantId).ToArray(), changed.Select(x => x.OpportunityId).ToArray(), changed.Select(x => x.OwnerId).ToArray());
        }
    }

    internal static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }
}
