using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The probability-weighted forecast of open opportunities by expected close month (YYYY-MM), beside what
/// was won in each month and the month's target; months from..to, both included, optionally one pipeline.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetSalesForecast(Guid TenantId, string? FromMonth, string? ToMonth, Guid? PipelineId) : IRequest<SalesForecast>;

public sealed record SalesForecast(string From, string To, IReadOnlyList<ForecastMonth> Months);

/// <summary>
/// One month in one currency: open opportunities expected to close in it, their value and their value
/// weighted by their stage's probability, the amount won in the month, and the month's target (null when none is set).
/// </summary>
public sealed record ForecastMonth(string Month, string Currency, long Open, decimal Pipeline, decimal Weighted, decimal Won, decimal? Target);
