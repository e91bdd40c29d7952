using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>The sales-forecast projection's read tables, in the generation's names; every key starts with tenant_id.</summary>
internal static class SalesForecastTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var (opportunities, won) = (context.Table(ForecastViews.Opportunities), context.Table(ForecastViews.WonMonthly));
        var sql = $"""
            create table if not exists {opportunities} (
                tenant_id uuid not null, opportunity_id uuid not null, pipeline_id uuid not null, stage_id uuid not null,
                status text not null, value numeric(16, 2) not null, currency text not null, close_date date,
                primary key (tenant_id, opportunity_id));
            create index if not exists {opportunities}_open on {opportunities} (tenant_id, close_date) where status = 'open';
            create table if not exists {won} (
                tenant_id uuid not null, month date not null, pipeline_id uuid not null, currency text not null,
                count bigint not null, amount numeric(20, 2) not null,
                primary key (tenant_id, month, pipeline_id, currency));
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
