using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>The sales-analytics projection's read tables, in the generation's names; every key starts with tenant_id.</summary>
internal static class SalesAnalyticsTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var (daily, responses) = (context.Table(AnalyticsViews.SalesDaily), context.Table(AnalyticsViews.ResponseTimes));
        var sql = $"""
            create table if not exists {daily} (
                tenant_id uuid not null, day date not null, metric text not null, dimension text not null,
                count bigint not null, amount numeric(20, 2) not null,
                primary key (tenant_id, day, metric, dimension));
            create table if not exists {responses} (
                tenant_id uuid not null, lead_id uuid not null, day date not null, user_id uuid not null, seconds bigint not null,
                primary key (tenant_id, lead_id));
            create index if not exists {daily}_metric on {daily} (tenant_id, metric, day) include (count, amount);
            create index if not exists {responses}_day on {responses} (tenant_id, day, user_id);
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
