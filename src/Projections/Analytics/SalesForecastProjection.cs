using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Analytics;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;
using Platform.Write.Tenancy;

namespace Platform.Projections.Analytics;

/// <summary>
/// What the forecast needs, kept incrementally: each opportunity's pipeline, stage, status, value and expected close
/// date, and the amounts won per month (the day of the win in the tenant's time zone), pipeline and currency.
/// The forecast reads the open ones of a few months through a partial index and sums the won months.
/// </summary>
public sealed class SalesForecastProjection : IProjection
{
    public const string ProjectionName = "sales-forecast";
    private readonly TenantZones _zones = new();

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        OpportunityEvents.OpenedName, OpportunityEvents.MovedName, OpportunityEvents.WonName, OpportunityEvents.LostName,
        OpportunityEvents.ReopenedName, OpportunityEvents.ValueChangedName, OpportunityEvents.CloseDateChangedName, "tenancy.tenant-settings-changed.v1",
    ];

    public IReadOnlyCollection<string> Tables => ForecastViews.All;

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => SalesForecastTables.CreateAsync(context, ct);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var (opportunities, won) = (context.Table(ForecastViews.Opportunities), context.Table(ForecastViews.WonMonthly));
        await using var batch = context.CreateBatch();
        foreach (var e in events)
        {
            var tenant = e.TenantId;
            switch (e.Data)
            {
                case TenantSettingsChanged:
                    _zones.Forget(tenant);
                    break;
                case OpportunityOpened o:
                    batch.BatchCommands.Add(Statement($"""
                        insert into {opportunities} (tenant_id, opportunity_id, pipeline_id, stage_id, status, value, currency, close_date)
                        values ($1, $2, $3, $4, 'open', $5, $6, $7) on conflict (tenant_id, opportunity_id) do nothing
                        """, tenant, o.OpportunityId, o.PipelineId, o.StageId, o.Value.Amount, o.Value.Currency, o.ExpectedCloseDate));
                    break;
                case OpportunityMoved m:
                    batch.BatchCommands.Add(Set(opportunities, tenant, m.OpportunityId, "stage_id = $3", m.ToStageId));
                    break;
                case OpportunityWon w:
                    var day = await _zones.DayAsync(context, tenant, e.RecordedAt, ct);
                    batch.BatchCommands.Add(Statement($"""
                        insert into {won} (tenant_id, month, pipeline_id, currency, count, amount)
                        select tenant_id, $3, pipeline_id, $4, 1, $5 from {opportunities} where tenant_id = $1 and opportunity_id = $2
                        on conflict (tenant_id, month, pipeline_id, currency) do update set count = {won}.count + 1, amount = {won}.amount + excluded.amount
                        """, tenant, w.OpportunityId, new DateOnly(day.Year, day.Month, 1), w.Amount.Currency, w.Amount.Amount));
                    batch.BatchCommands.Add(Set(opportunities, tenant, w.OpportunityId, "stage_id = $3, status = 'won'", w.ToStageId));
                    break;
                case OpportunityLost l:
                    batch.BatchCommands.Add(Set(opportunities, tenant, l.OpportunityId, "stage_id = $3, status = 'lost'", l.ToStageId));
                    break;
                case OpportunityReopened r:
                    batch.BatchCommands.Add(Set(opportunities, tenant, r.OpportunityId, "stage_id = $3, status = 'open'", r.ToStageId));
                    break;
                case OpportunityValueChanged v:
                    batch.BatchCommands.Add(Set(opportunities, tenant, v.OpportunityId, "value = $3, currency = $4", v.To.Amount, v.To.Currency));
                    break;
                case OpportunityCloseDateChanged c:
                    batch.BatchCommands.Add(Set(opportunities, tenant, c.OpportunityId, "close_date = $3", c.To));
                    break;
            }
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary><paramref name="assignments"/> is SQL: $3 on are the values.</summary>
    private static NpgsqlBatchCommand Set(string table, Guid tenant, Guid id, string assignments, params object?[] values) =>
        Statement($"update {table} set {assignments} where tenant_id = $1 and opportunity_id = $2", [tenant, id, .. values]);

    private static NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
