namespace Platform.Read.Analytics;

/// <summary>
/// The filters every sales figure takes; null is "all". A lead's pipeline is that of the opportunity it became, its
/// salesperson the user it is assigned to (else who first answered it); a first response's salesperson is who gave it;
/// an opportunity's salesperson is its owner now and its source that of the lead it came from ('' without one).
/// </summary>
public sealed record SalesFilter(Guid? PipelineId = null, Guid? SalespersonId = null, string? Source = null)
{
    public static SalesFilter None { get; } = new();
}

/// <summary>The filters as SQL predicates over the analytics views, with their parameters @pipeline, @salesperson, @source.</summary>
internal static class SalesFilterSql
{
    /// <summary>Leads (alias l) by the lead's salesperson.</summary>
    public static readonly string Leads = Predicate("l", "salesperson_id");

    /// <summary>Leads (alias l) by who first answered them.</summary>
    public static readonly string Responses = Predicate("l", "responder_id");

    /// <summary>Opportunities (alias o) by owner.</summary>
    public static readonly string Opportunities = Predicate("o", "owner_id");

    /// <summary>Stays (alias s) by their opportunity's owner.</summary>
    public static readonly string Stays = Predicate("s", "owner_id");

    /// <summary>The parameters of a query over the period from..to (both included) for the tenant.</summary>
    public static object Args(Guid tenant, DateOnly from, DateOnly to, SalesFilter? filter)
    {
        var f = filter ?? SalesFilter.None;
        return new
        {
            tenant, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue),
            pipeline = f.PipelineId, salesperson = f.SalespersonId, source = f.Source,
        };
    }

    private static string Predicate(string alias, string salesperson) =>
        $"(@pipeline::uuid is null or {alias}.pipeline_id = @pipeline) and (@salesperson::uuid is null or {alias}.{salesperson} = @salesperson)"
        + $" and (@source::text is null or {alias}.source = @source)";
}
