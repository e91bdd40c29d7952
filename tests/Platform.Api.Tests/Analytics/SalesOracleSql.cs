using Npgsql;
using NpgsqlTypes;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The sales facts rebuilt from scratch by plain SQL over the event table, as CTEs the oracles select from:
/// lead (one row per lead: its source, days, salesperson, pipeline and outcome now), opp (one per opportunity:
/// pipeline, owner now, source of its lead) and stay (one per entry into a stage, ended by the next one).
/// Parameters: $1 tenant, $2 from, $3 to, $4 pipeline, $5 salesperson, $6 source (text, null for all).
/// </summary>
internal static class SalesOracleSql
{
    public const string Facts = """
        with ev as (
            select e.type, e.data, e.position, e.recorded_at, (e.recorded_at at time zone t.time_zone)::date as day
              from events e join tenants t on t.tenant_id = e.tenant_id where e.tenant_id = $1),
        created as (select data->>'leadId' as lead_id, data->>'source' as source, day from ev where type = 'leads.lead-created.v1'),
        assigned as (select distinct on (data->>'leadId') data->>'leadId' as lead_id, data->>'userId' as user_id
                       from ev where type = 'leads.lead-assigned.v1' order by data->>'leadId', position desc),
        responded as (select distinct on (data->>'leadId') data->>'leadId' as lead_id, data->>'userId' as user_id,
                             (data->>'responseSeconds')::bigint as seconds, day
                        from ev where type = 'leads.lead-contacted.v1' and (data->>'first')::boolean order by data->>'leadId', position),
        converted as (select data->>'leadId' as lead_id, data->>'opportunityId' as opportunity_id, day from ev where type = 'leads.lead-converted.v1'),
        opened as (select data->>'opportunityId' as opportunity_id, data->>'pipelineId' as pipeline_id, data->>'ownerId' as owner_id,
                          data->>'leadId' as lead_id, day from ev where type = 'pipeline.opportunity-opened.v1'),
        owners as (select distinct on (data->>'opportunityId') data->>'opportunityId' as opportunity_id, data->>'to' as owner_id
                     from ev where type = 'pipeline.opportunity-owner-changed.v1' order by data->>'opportunityId', position desc),
        statuses as (select distinct on (data->>'opportunityId') data->>'opportunityId' as opportunity_id,
                            case type when 'pipeline.opportunity-won.v1' then 'won' when 'pipeline.opportunity-lost.v1' then 'lost' else 'open' end as status
                       from ev where type in ('pipeline.opportunity-won.v1', 'pipeline.opportunity-lost.v1', 'pipeline.opportunity-reopened.v1')
                      order by data->>'opportunityId', position desc),
        opp as (select o.opportunity_id, o.pipeline_id, coalesce(w.owner_id, o.owner_id) as owner_id, coalesce(c.source, '') as source, o.day as opened_day
                  from opened o left join owners w using (opportunity_id) left join created c on c.lead_id = o.lead_id),
        lead as (select c.lead_id, c.source, c.day as created_day, coalesce(a.user_id, r.user_id) as salesperson, r.user_id as responder,
                        r.seconds as response_seconds, r.day as response_day, v.day as converted_day, o.pipeline_id,
                        case when v.opportunity_id is not null then coalesce(s.status, 'open') end as outcome
                   from created c left join assigned a using (lead_id) left join responded r using (lead_id)
                   left join converted v using (lead_id) left join opened o on o.opportunity_id = v.opportunity_id
                   left join statuses s on s.opportunity_id = v.opportunity_id),
        enters as (select data->>'opportunityId' as opportunity_id, coalesce(data->>'toStageId', data->>'stageId') as stage_id,
                          recorded_at as entered_at, day as entered_day,
                          lead(type) over w as next_type, lead(data) over w as next_data, lead(recorded_at) over w as left_at, lead(day) over w as left_day
                     from ev where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-moved.v1', 'pipeline.opportunity-won.v1',
                                            'pipeline.opportunity-lost.v1', 'pipeline.opportunity-reopened.v1')
                   window w as (partition by data->>'opportunityId' order by position)),
        stay as (select e.*, extract(epoch from e.left_at - e.entered_at)::float8 as seconds,
                        case e.next_type when 'pipeline.opportunity-moved.v1' then 'advanced' when 'pipeline.opportunity-won.v1' then 'won'
                             when 'pipeline.opportunity-lost.v1' then 'lost' when 'pipeline.opportunity-reopened.v1' then 'reopened' end as outcome,
                        o.pipeline_id, o.owner_id, o.source
                   from enters e join opp o using (opportunity_id)),
        flead as (select * from lead where ($4::text is null or pipeline_id = $4) and ($5::text is null or salesperson = $5) and ($6::text is null or source = $6)),
        fresponse as (select * from lead where response_seconds is not null and response_day between $2 and $3
                         and ($4::text is null or pipeline_id = $4) and ($5::text is null or responder = $5) and ($6::text is null or source = $6)),
        fopp as (select * from opp where ($4::text is null or pipeline_id = $4) and ($5::text is null or owner_id = $5) and ($6::text is null or source = $6)),
        fstay as (select * from stay where ($4::text is null or pipeline_id = $4) and ($5::text is null or owner_id = $5) and ($6::text is null or source = $6))
        """;

    public static async Task<Dictionary<string, decimal>> FiguresAsync(
        NpgsqlDataSource system, string select, Guid tenantId, DateOnly from, DateOnly to, SalesFilter? filter)
    {
        await using var command = system.CreateCommand(Facts + select);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        foreach (var value in new[] { filter?.PipelineId?.ToString("D"), filter?.SalespersonId?.ToString("D"), filter?.Source })
            command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<string, decimal>();
        while (await reader.ReadAsync()) figures[reader.GetString(0)] = reader.GetDecimal(1);
        return figures;
    }
}
