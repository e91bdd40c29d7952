using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Pipeline;
using M = Platform.Read.Analytics.SalesMetrics;

namespace Platform.Projections.Analytics;

/// <summary>One addition to a day's counter: <paramref name="Amount"/> is summed beside the count.</summary>
internal sealed record DailyFact(string Metric, string Dimension, decimal Amount = 0);

/// <summary>A lead's first response: who answered and after how many seconds.</summary>
internal sealed record ResponseFact(Guid LeadId, Guid UserId, long Seconds);

/// <summary>What a lead or opportunity event adds to the tenant's sales figures of its day.</summary>
internal static class SalesFacts
{
    public static IEnumerable<DailyFact> For(RecordedEvent e)
    {
        switch (e.Data)
        {
            case LeadCreated c:
                yield return new(M.LeadCreated, c.Source);
                break;
            case LeadContacted { First: true, ResponseSeconds: { } seconds }:
                yield return new(M.LeadContacted, "", seconds);
                break;
            case LeadConverted:
                yield return new(M.LeadConverted, "");
                break;
            case OpportunityOpened o:
                yield return new(M.OpportunityOpened, "");
                yield return Entered(o.StageId);
                break;
            case OpportunityMoved m:
                yield return Entered(m.ToStageId);
                yield return new(M.StageAdvanced, m.FromStageId.ToString("D"));
                break;
            case OpportunityWon w:
                yield return new(M.OpportunityWon, w.Amount.Currency, w.Amount.Amount);
                yield return Entered(w.ToStageId);
                yield return new(M.StageAdvanced, w.FromStageId.ToString("D"));
                break;
            case OpportunityLost l:
                yield return new(M.OpportunityLost, l.Reason);
                yield return Entered(l.ToStageId);
                yield return new(M.StageLost, l.FromStageId.ToString("D"));
                break;
            case OpportunityReopened r:
                yield return Entered(r.ToStageId);
                break;
        }
    }

    public static ResponseFact? Response(RecordedEvent e) =>
        e.Data is LeadContacted { First: true, ResponseSeconds: { } seconds } c ? new(c.LeadId, c.UserId, seconds) : null;

    private static DailyFact Entered(Guid stageId) => new(M.StageEntered, stageId.ToString("D"));
}
