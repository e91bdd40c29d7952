using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Customers;

namespace Platform.Read.Analytics;

/// <summary>
/// The tenant's customers by segment now (the customers list's rules) with their lifetime value, customers
/// new in a period of its days (default the last 30), and customers at risk: no activity (interaction or
/// purchase; creation counts) for <see cref="AtRiskDays"/> days. <see cref="Salesperson"/> keeps the customers
/// that user logged an interaction with.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetCustomerSegmentFigures(Guid TenantId, DateOnly? From, DateOnly? To, int AtRiskDays, Guid? Salesperson)
    : IRequest<CustomerSegmentFigures>
{
    public const int DefaultAtRiskDays = 30;
    public const int MaxAtRiskDays = 3650;
    public const int AtRiskListed = 50;
}

public sealed record CustomerSegmentFigures(
    DateOnly From, DateOnly To, long Customers, decimal LifetimeValue, IReadOnlyList<SegmentFigure> Segments, long NewCustomers,
    AtRiskCustomers AtRisk, SegmentRules Rules);

/// <summary>Lifetime value: the sum of the customers' won opportunities.</summary>
public sealed record SegmentFigure(string Segment, long Customers, decimal LifetimeValue);

/// <summary>How many customers are at risk and their lifetime value; the 50 of most value listed, most valuable first.</summary>
public sealed record AtRiskCustomers(int Days, long Customers, decimal LifetimeValue, IReadOnlyList<AtRiskCustomer> Top);

/// <summary><see cref="LastActivityAt"/> null: nothing since its creation, which <see cref="DaysSince"/> counts from.</summary>
public sealed record AtRiskCustomer(Guid CustomerId, string Name, DateTimeOffset? LastActivityAt, int DaysSince, decimal LifetimeValue, string Segment);

public sealed class GetCustomerSegmentFiguresHandler(Tenancy.TenantReads reads, TimeProvider time)
    : IRequestHandler<GetCustomerSegmentFigures, CustomerSegmentFigures>
{
    public async Task<CustomerSegmentFigures> Handle(GetCustomerSegmentFigures request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AtRiskDays is < 1 or > GetCustomerSegmentFigures.MaxAtRiskDays)
            throw new AnalyticsPeriodException("atRiskDays", "Debe ser un número de días entre 1 y 3650.");
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var now = time.GetUtcNow();
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, now, cancellationToken);
            var bounds = await connection.QuerySingleAsync<(DateTime Start, DateTime End)>(new CommandDefinition(CustomerSegmentSql.Bounds,
                new { tenant = request.TenantId, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }, tx, cancellationToken: cancellationToken));
            var args = new
            {
                tenant = request.TenantId, start = Utc(bounds.Start), end = Utc(bounds.End), now, days = request.AtRiskDays,
                salesperson = request.Salesperson, limit = GetCustomerSegmentFigures.AtRiskListed,
            };
            CommandDefinition Sql(string sql) => new(sql, args, tx, cancellationToken: cancellationToken);
            var counts = (await connection.QueryAsync<(string Segment, long Customers, long AtRisk, long New)>(Sql(CustomerSegmentSql.Counts))).ToList();
            var values = (await connection.QueryAsync<(string Segment, decimal Value, decimal AtRisk)>(Sql(CustomerSegmentSql.Values))).ToList();
            var top = (await connection.QueryAsync<AtRiskRow>(Sql(CustomerSegmentSql.AtRiskTop))).Select(r => r.ToCustomer()).ToList();
            List<SegmentFigure> all = [.. CustomerSegments.All.Select(s => new SegmentFigure(
                s, counts.Where(c => c.Segment == s).Sum(c => c.Customers), values.Where(v => v.Segment == s).Sum(v => v.Value)))];
            return new CustomerSegmentFigures(
                from, to, all.Sum(s => s.Customers), all.Sum(s => s.LifetimeValue), all, counts.Sum(c => c.New),
                new AtRiskCustomers(request.AtRiskDays, counts.Sum(c => c.AtRisk), values.Sum(v => v.AtRisk), top),
                new SegmentRules(CustomerSegments.FrequentTouches, CustomerSegments.FrequentDays, CustomerSegments.InactiveDays));
        }, cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class AtRiskRow
    {
        public Guid CustomerId { get; set; }
        public string Name { get; set; } = "";
        public DateTime? LastActivityAt { get; set; }
        public int DaysSince { get; set; }
        public decimal LifetimeValue { get; set; }
        public string Segment { get; set; } = "";

        public AtRiskCustomer ToCustomer() => new(CustomerId, Name, CustomerRow.Utc(LastActivityAt), DaysSince, LifetimeValue, Segment);
    }
}
