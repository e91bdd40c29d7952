using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The forecast computed from scratch by plain SQL over the event table: each opportunity's latest stage, status,
/// value and expected close date from its stream, each stage's latest probability from its pipeline's stream, wins by
/// the month of their day in the tenant's zone, targets from the targets stream; and the same figures read off a
/// forecast answer. Keys: open|pipeline|weighted|won|target:YYYY-MM:CUR, zeros left out.
/// </summary>
internal static class ForecastOracle
{
    private const string Sql = """
        with z as (select time_zone as tz, (now() at time zone time_zone)::date as today from tenants where tenant_id = $1),
        ev as (select stream_id, version, type, data, recorded_at from events where tenant_id = $1),
        opp_stage as (
            select distinct on (stream_id) stream_id, coalesce(data->>'toStageId', data->>'stageId') as stage from ev
             where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-moved.v1', 'pipeline.opportunity-won.v1',
                            'pipeline.opportunity-lost.v1', 'pipeline.opportunity-reopened.v1') order by stream_id, version desc),
        opp_status as (
            select distinct on (stream_id) stream_id, type as last_status from ev
             where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-won.v1', 'pipeline.opportunity-lost.v1',
                            'pipeline.opportunity-reopened.v1') order by stream_id, version desc),
        opp_money as (
            select distinct on (stream_id) stream_id, case type when 'pipeline.opportunity-opened.v1' then data->'value' else data->'to' end as money
              from ev where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-value-changed.v1') order by stream_id, version desc),
        opp_close as (
            select distinct on (stream_id) stream_id,
                   case type when 'pipeline.opportunity-opened.v1' then data->>'expectedCloseDate' else data->>'to' end as close_date
              from ev where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-close-date-changed.v1') order by stream_id, version desc),
        opp as (
            select o.data->>'pipelineId' as pipeline, s.stage, st.last_status, m.money, c.close_date
              from ev o join opp_stage s using (stream_id) join opp_status st using (stream_id)
              join opp_money m using (stream_id) join opp_close c using (stream_id)
             where o.type = 'pipeline.opportunity-opened.v1'),
        stage_events as (
            select st->>'stageId' as stage_id, (st->>'probability')::int as probability, e.version, 0 as removed
              from ev e cross join jsonb_array_elements(e.data->'stages') st where e.type = 'pipeline.pipeline-created.v1'
            union all select data->'stage'->>'stageId', (data->'stage'->>'probability')::int, version, 0 from ev
             where type in ('pipeline.stage-added.v1', 'pipeline.stage-changed.v1')
            union all select data->>'stageId', 0, version, 1 from ev where type = 'pipeline.stage-removed.v1'),
        probability as (select distinct on (stage_id) stage_id, probability from stage_events order by stage_id, version desc, removed desc),
        open_rows as (
            select to_char(coalesce(opp.close_date::date, z.today), 'YYYY-MM') as month, opp.money->>'currency' as cur,
                   (opp.money->>'amount')::numeric as amount, coalesce(p.probability, 0) as probability
              from opp cross join z left join probability p on p.stage_id = opp.stage
             where opp.last_status in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-reopened.v1')
               and ($4::uuid is null or opp.pipeline = $4::uuid::text)),
        wins as (
            select to_char((w.recorded_at at time zone z.tz)::date, 'YYYY-MM') as month, w.data->'amount'->>'currency' as cur,
                   (w.data->'amount'->>'amount')::numeric as amount
              from ev w cross join z
              join (select stream_id, data->>'pipelineId' as pipeline from ev where type = 'pipeline.opportunity-opened.v1') op on op.stream_id = w.stream_id
             where w.type = 'pipeline.opportunity-won.v1' and ($4::uuid is null or op.pipeline = $4::uuid::text)),
        targets as (
            select distinct on (data->>'month') type, data->>'month' as month, data->>'currency' as cur, (data->>'amount')::numeric as amount
              from ev where stream_id = 'sales-targets' order by data->>'month', version desc),
        figures as (
            select 'open:' || month || ':' || cur as name, count(*)::numeric as value from open_rows group by month, cur
            union all select 'pipeline:' || month || ':' || cur, sum(amount) from open_rows group by month, cur
            union all select 'weighted:' || month || ':' || cur, round(sum(amount * probability / 100.0), 2) from open_rows group by month, cur
            union all select 'won:' || month || ':' || cur, sum(amount) from wins group by month, cur
            union all select 'target:' || month || ':' || cur, amount from targets
             where type = 'analytics.monthly-target-set.v1' and $4::uuid is null)
        select name, value from figures
         where value <> 0 and split_part(name, ':', 2) between to_char($2::date, 'YYYY-MM') and to_char($3::date, 'YYYY-MM')
        """;

    /// <summary>The months of <paramref name="from"/>..<paramref name="to"/> (days; their months count whole).</summary>
    public static async Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to, Guid? pipelineId = null)
    {
        await using var command = system.CreateCommand(Sql);
        command.CommandTimeout = 300;
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        command.Parameters.Add(new() { Value = (object?)pipelineId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<string, decimal>();
        while (await reader.ReadAsync()) figures[reader.GetString(0)] = reader.GetDecimal(1);
        return figures;
    }

    public static Dictionary<string, decimal> Figures(JsonElement forecast)
    {
        var figures = new Dictionary<string, decimal>();
        foreach (var m in forecast.GetProperty("months").EnumerateArray())
        {
            var key = $"{m.GetProperty("month").GetString()}:{m.GetProperty("currency").GetString()}";
            foreach (var name in new[] { "open", "pipeline", "weighted", "won", "target" })
            {
                var value = m.GetProperty(name);
                if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() != 0) figures[$"{name}:{key}"] = value.GetDecimal();
            }
        }
        return figures;
    }
}
