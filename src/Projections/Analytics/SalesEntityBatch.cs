using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Pipeline;

namespace Platform.Projections.Analytics;

/// <summary>
/// The leads, opportunities and stays a batch of events touches, loaded once and changed in memory event by
/// event; <see cref="SalesEntityRows"/> writes them back in one statement per table.
/// </summary>
internal sealed class SalesEntityBatch
{
    public Dictionary<(Guid, Guid), LeadFacts> Leads { get; } = [];

    public Dictionary<(Guid, Guid), OpportunityFacts> Opportunities { get; } = [];

    public Dictionary<(Guid, Guid, int), StageStay> Stays { get; } = [];

    /// <summary>Opportunities whose owner changed: their stays written in earlier batches take the new owner.</summary>
    public HashSet<(Guid, Guid)> OwnerChanged { get; } = [];

    public void Apply(RecordedEvent e, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (tenant, at) = (e.TenantId, e.RecordedAt);
        switch (e.Data)
        {
            case LeadCreated c:
                Leads.TryAdd((tenant, c.LeadId), new LeadFacts(tenant, c.LeadId, c.Source, day));
                break;
            case LeadAssigned a when Lead(tenant, a.LeadId) is { } lead:
                lead.AssignedId = a.UserId;
                break;
            case LeadContacted { First: true } c when Lead(tenant, c.LeadId) is { ResponderId: null } lead:
                lead.ResponderId = c.UserId;
                if (c.ResponseSeconds is { } seconds) (lead.ResponseSeconds, lead.ResponseDay) = (seconds, day);
                break;
            case LeadConverted v when Lead(tenant, v.LeadId) is { } lead:
                (lead.ConvertedDay, lead.OpportunityId) = (day, v.OpportunityId);
                if (Opportunity(tenant, v.OpportunityId) is { } converted) lead.Follow(converted);
                break;
            case OpportunityOpened o when !Opportunities.ContainsKey((tenant, o.OpportunityId)):
                Open(tenant, o, at, day);
                break;
            case OpportunityMoved m when Opportunity(tenant, m.OpportunityId) is { } opportunity:
                Leave(opportunity, "advanced", at, day);
                Enter(opportunity, m.ToStageId, at, day);
                break;
            case OpportunityWon w when Opportunity(tenant, w.OpportunityId) is { } opportunity:
                var won = Leave(opportunity, "won", at, day);
                (won.Amount, won.Currency) = (w.Amount.Amount, w.Amount.Currency);
                Close(opportunity, "won", w.Amount.Amount, w.Amount.Currency, w.ToStageId, at, day);
                break;
            case OpportunityLost l when Opportunity(tenant, l.OpportunityId) is { } opportunity:
                Leave(opportunity, "lost", at, day).Reason = l.Reason;
                Close(opportunity, "lost", null, null, l.ToStageId, at, day);
                break;
            case OpportunityReopened r when Opportunity(tenant, r.OpportunityId) is { } opportunity:
                Leave(opportunity, "reopened", at, day);
                Close(opportunity, "open", null, null, r.ToStageId, at, day);
                break;
            case OpportunityOwnerChanged c when Opportunity(tenant, c.OpportunityId) is { } opportunity:
                opportunity.OwnerId = c.To;
                foreach (var stay in Stays.Values.Where(s => s.TenantId == tenant && s.OpportunityId == c.OpportunityId)) stay.OwnerId = c.To;
                OwnerChanged.Add((tenant, c.OpportunityId));
                break;
        }
    }

    private void Open(Guid tenant, OpportunityOpened o, DateTimeOffset at, DateOnly day)
    {
        var lead = o.LeadId is { } leadId ? Lead(tenant, leadId) : null;
        var opportunity = new OpportunityFacts(tenant, o.OpportunityId, o.LeadId, o.PipelineId, lead?.Source ?? "", day) { OwnerId = o.OwnerId };
        Opportunities[(tenant, o.OpportunityId)] = opportunity;
        Enter(opportunity, o.StageId, at, day);
        if (lead is null || (lead.OpportunityId is { } other && other != o.OpportunityId)) return;
        lead.OpportunityId = o.OpportunityId;
        lead.Follow(opportunity);
    }

    /// <summary>Won, lost or reopened: the new status, then the stay in the stage it moved to, and its lead follows.</summary>
    private void Close(OpportunityFacts opportunity, string status, decimal? amount, string? currency, Guid toStage, DateTimeOffset at, DateOnly day)
    {
        (opportunity.Status, opportunity.WonAmount, opportunity.Currency) = (status, amount, currency);
        Enter(opportunity, toStage, at, day);
        if (opportunity.LeadId is { } leadId && Lead(opportunity.TenantId, leadId) is { } lead && lead.OpportunityId == opportunity.OpportunityId)
            lead.Follow(opportunity);
    }

    private StageStay Leave(OpportunityFacts opportunity, string outcome, DateTimeOffset at, DateOnly day)
    {
        var key = (opportunity.TenantId, opportunity.OpportunityId, opportunity.StaySeq);
        var stay = Stays.GetValueOrDefault(key) ?? opportunity.CurrentStay();
        (stay.LeftAt, stay.LeftDay, stay.Outcome) = (at, day, outcome);
        Stays[key] = stay;
        return stay;
    }

    private void Enter(OpportunityFacts opportunity, Guid stageId, DateTimeOffset at, DateOnly day)
    {
        opportunity.StaySeq++;
        (opportunity.StageId, opportunity.StageEnteredAt, opportunity.StageEnteredDay) = (stageId, at, day);
        Stays[(opportunity.TenantId, opportunity.OpportunityId, opportunity.StaySeq)] = opportunity.CurrentStay();
    }

    private LeadFacts? Lead(Guid tenant, Guid id) => Leads.GetValueOrDefault((tenant, id));

    private OpportunityFacts? Opportunity(Guid tenant, Guid id) => Opportunities.GetValueOrDefault((tenant, id));
}
