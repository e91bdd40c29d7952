using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>
/// The per-lead, per-opportunity and per-stay fact tables of the sales-analytics projection: each carries the
/// filter columns (pipeline, salesperson, source) beside its days, so a filtered period reads one index range.
/// </summary>
internal static class SalesEntityTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var (leads, opportunities, stays) =
            (context.Table(AnalyticsViews.Leads), context.Table(AnalyticsViews.Opportunities), context.Table(AnalyticsViews.StageStays));
        var sql = $"""
            create table if not exists {leads} (
                tenant_id uuid not null, lead_id uuid not null, source text not null, created_day date not null,
                assigned_id uuid, responder_id uuid, response_seconds bigint, response_day date,
                salesperson_id uuid generated always as (coalesce(assigned_id, responder_id)) stored,
                converted_day date, opportunity_id uuid, pipeline_id uuid, outcome text, won_amount numeric(20, 2), currency text,
                primary key (tenant_id, lead_id));
            create index if not exists {leads}_created on {leads} (tenant_id, created_day);
            create index if not exists {leads}_converted on {leads} (tenant_id, converted_day) where converted_day is not null;
            create index if not exists {leads}_response on {leads} (tenant_id, response_day) where response_day is not null;
            create index if not exists {leads}_opportunity on {leads} (tenant_id, opportunity_id) where opportunity_id is not null;
            create table if not exists {opportunities} (
                tenant_id uuid not null, opportunity_id uuid not null, lead_id uuid, pipeline_id uuid not null, owner_id uuid not null,
                source text not null, opened_day date not null, status text not null, won_amount numeric(20, 2), currency text,
                stay_seq int not null, stage_id uuid not null, stage_entered_at timestamptz not null, stage_entered_day date not null,
                primary key (tenant_id, opportunity_id));
            create index if not exists {opportunities}_opened on {opportunities} (tenant_id, opened_day);
            create table if not exists {stays} (
                tenant_id uuid not null, opportunity_id uuid not null, seq int not null, stage_id uuid not null, pipeline_id uuid not null,
                owner_id uuid not null, source text not null, entered_at timestamptz not null, entered_day date not null,
                left_at timestamptz, left_day date, outcome text, amount numeric(20, 2), currency text, reason text,
                primary key (tenant_id, opportunity_id, seq));
            create index if not exists {stays}_entered on {stays} (tenant_id, entered_day);
            create index if not exists {stays}_left on {stays} (tenant_id, left_day) where left_day is not null;
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
