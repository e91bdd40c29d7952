using System.Globalization;
using MediatR;
using Platform.Api.Demo.History;
using Platform.Write.Analytics;
using Platform.Write.Pipeline;

namespace Platform.Api.Demo;

/// <summary>
/// Monthly sales targets for the demo, set once with its history: the history's average monthly win plus 15 %,
/// rounded to millions, for each month of the history and the six after it, so the forecast has a target to meet.
/// </summary>
internal static class DemoTargets
{
    private const int MonthsAhead = 6;

    public static async Task SetAsync(IMediator owner, SalesHistory history, DateTimeOffset now, int historyMonths, CancellationToken ct)
    {
        var won = history.Events.Select(e => e.Data).OfType<OpportunityWon>().ToList();
        if (won.Count == 0 || historyMonths <= 0) return;
        var monthly = won.Sum(w => w.Amount.Amount) / historyMonths * 1.15m;
        var target = Math.Max(1_000_000m, Math.Round(monthly / 1_000_000m) * 1_000_000m);
        var first = new DateOnly(now.Year, now.Month, 1).AddMonths(-historyMonths);
        for (var month = first; month <= first.AddMonths(historyMonths + MonthsAhead); month = month.AddMonths(1))
            await owner.Send(new SetMonthlyTarget(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), target, won[0].Amount.Currency), ct);
    }
}
