using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Analytics;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Pipeline;
using Platform.Write.Tenancy;

namespace Platform.Projections.Analytics;

/// <summary>
/// Per-tenant sales figures kept incrementally: each lead and opportunity event adds to its day's
/// counters (the day of its recorded time in the tenant's time zone), and each lead's first response
/// is kept for percentiles. Beside the counters, one row per lead, per opportunity and per stay of an
/// opportunity in a stage carries the filter columns (pipeline, salesperson, source), following later
/// assignments and owner changes; the analytics queries read those rows for any period and filter.
/// </summary>
public sealed class SalesAnalyticsProjection : IProjection
{
    public const string ProjectionName = "sales-analytics";
    private const string SettingsChanged = "tenancy.tenant-settings-changed.v1";
    private readonly TenantZones _zones = new();

    public string Name => ProjectionName;

    public int Version => 2;

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        LeadEvents.LeadCreatedName, LeadEvents.LeadAssignedName, LeadEvents.LeadContactedName, LeadEvents.LeadConvertedName, OpportunityEvents.OpenedName,
        OpportunityEvents.MovedName, OpportunityEvents.WonName, OpportunityEvents.LostName, OpportunityEvents.ReopenedName,
        OpportunityEvents.OwnerChangedName, SettingsChanged,
    ];

    public IReadOnlyCollection<string> Tables => AnalyticsViews.All;

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        await SalesAnalyticsTables.CreateAsync(context, ct);
        await SalesEntityTables.CreateAsync(context, ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var (daily, responses) = (context.Table(AnalyticsViews.SalesDaily), context.Table(AnalyticsViews.ResponseTimes));
        var entities = await SalesEntityLoad.ReadAsync(context, events, ct);
        await using var batch = context.CreateBatch();
        foreach (var e in events)
        {
            if (e.Data is TenantSettingsChanged) _zones.Forget(e.TenantId);
            if (e.Data is null or TenantSettingsChanged) continue;
            var day = await _zones.DayAsync(context, e.TenantId, e.RecordedAt, ct);
            entities.Apply(e, day);
            var facts = SalesFacts.For(e).ToList();
            foreach (var fact in facts)
            {
                batch.BatchCommands.Add(Statement($"""
                    insert into {daily} (tenant_id, day, metric, dimension, count, amount) values ($1, $2, $3, $4, 1, $5)
                    on conflict (tenant_id, day, metric, dimension) do update set count = {daily}.count + 1, amount = {daily}.amount + excluded.amount
                    """, e.TenantId, day, fact.Metric, fact.Dimension, fact.Amount));
            }
            if (SalesFacts.Response(e) is { } response)
            {
                batch.BatchCommands.Add(Statement($"""
                    insert into {responses} (tenant_id, lead_id, day, user_id, seconds) values ($1, $2, $3, $4, $5)
                    on conflict (tenant_id, lead_id) do nothing
                    """, e.TenantId, response.LeadId, day, response.UserId, response.Seconds));
            }
        }
        foreach (var command in SalesEntityRows.Write(context, entities)) batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
