namespace Platform.Read.Pipeline;

/// <summary>
/// The board's queries. An open card rots when the time since it entered its stage or last saw
/// activity, whichever is later, passes the stage's rotting days; closed cards never rot.
/// </summary>
internal static class BoardSql
{
    private const string Idle = "(extract(epoch from (@now - greatest(o.stage_entered_at, o.last_activity_at))) / 86400.0)::float8";

    private const string Rots = $"(o.status = 'open' and s.rotting_days is not null and {Idle} > s.rotting_days)";

    public const string Totals = $"""
        select o.stage_id as StageId, o.currency as Currency, count(*) as Count, sum(coalesce(o.won_amount, o.value)) as Value,
               count(*) filter (where {Rots}) as Rotting
          from {PipelineViews.Opportunities} o
          join {PipelineViews.Stages} s on s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.stage_id = o.stage_id
         where o.tenant_id = @tenant and o.pipeline_id = @pipeline
         group by o.stage_id, o.currency
        """;

    public const string Cards = $"""
        select * from (
            select o.stage_id as StageId, o.opportunity_id as OpportunityId, o.title as Title, o.customer_id as CustomerId, o.owner_id as OwnerId,
                   o.status as Status, o.value as Value, o.won_amount as WonAmount, o.currency as Currency, o.expected_close_date as ExpectedCloseDate,
                   o.stage_entered_at as StageEnteredAt, o.last_activity_at as LastActivityAt, {Idle} as IdleDays, {Rots} as Rotting,
                   row_number() over (partition by o.stage_id order by o.stage_entered_at desc, o.opportunity_id desc) as Rank
              from {PipelineViews.Opportunities} o
              join {PipelineViews.Stages} s on s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.stage_id = o.stage_id
             where o.tenant_id = @tenant and o.pipeline_id = @pipeline) ranked
         where Rank <= @cards
         order by StageId, Rank
        """;
}

internal sealed record TotalRow(Guid StageId, string Currency, long Count, decimal Value, long Rotting);

internal sealed record CardRow(
    Guid StageId, Guid OpportunityId, string Title, Guid CustomerId, Guid OwnerId, string Status, decimal Value, decimal? WonAmount, string Currency,
    DateOnly? ExpectedCloseDate, DateTime StageEnteredAt, DateTime LastActivityAt, double IdleDays, bool Rotting, long Rank)
{
    public BoardCard ToCard(DateTimeOffset now) => new(
        OpportunityId, Title, CustomerId, OwnerId, Status, Value, WonAmount, Currency,
        ExpectedCloseDate,
        new DateTimeOffset(StageEnteredAt, TimeSpan.Zero), new DateTimeOffset(LastActivityAt, TimeSpan.Zero), Math.Round(IdleDays, 2), Rotting);
}
