using Platform.Write.Domain;

namespace Platform.Write.Leads;

public sealed record LeadState(
    Guid LeadId, Guid CustomerId, string Source, string Status, Guid? AssigneeId, DateTimeOffset ReceivedAt, DateTimeOffset? FirstContactAt,
    int Contacts, LeadScored? Score, Guid? ReferralId, IReadOnlyDictionary<Guid, string> ReferralOutcomes)
{
    public bool IsClosed => Status is LeadStatuses.Disqualified or LeadStatuses.Converted;
}

/// <summary>A lead: its state is a fold of its stream; decisions are pure.</summary>
public static class Lead
{
    public abstract record Command;

    public sealed record Create(LeadCreated Created) : Command;

    public sealed record Assign(Guid UserId, string How) : Command;

    public sealed record Contact(Guid UserId, string Channel, DateTimeOffset At) : Command;

    public sealed record Qualify(Guid? UserId) : Command;

    public sealed record Disqualify(string Reason, Guid? UserId) : Command;

    public sealed record Convert(Guid OpportunityId) : Command;

    public sealed record Score(int Points, string Band, IReadOnlyList<ScoreReason> Reasons) : Command;

    public sealed record Refer(Guid ReferralId, Guid ToTenantId, string ToTenantName, decimal CommissionPercent) : Command;

    public sealed record ReportOutcome(Guid ReferralId, string Outcome, decimal? Amount) : Command;

    public static LeadState? Evolve(LeadState? state, object @event) => (state, @event) switch
    {
        (null, LeadCreated c) => new LeadState(c.LeadId, c.CustomerId, c.Source, LeadStatuses.New, null, c.ReceivedAt, null, 0, null, c.ReferralId,
            c.ReferralId is { } r ? new Dictionary<Guid, string> { [r] = "pending" } : new Dictionary<Guid, string>()),
        ({ } s, LeadAssigned a) => s with { AssigneeId = a.UserId },
        ({ } s, LeadContacted c) => s with
        {
            Contacts = s.Contacts + 1, FirstContactAt = s.FirstContactAt ?? c.ContactedAt,
            Status = s.Status == LeadStatuses.New ? LeadStatuses.Contacted : s.Status,
        },
        ({ } s, LeadQualified) => s with { Status = LeadStatuses.Qualified },
        ({ } s, LeadDisqualified) => s with { Status = LeadStatuses.Disqualified },
        ({ } s, LeadConverted) => s with { Status = LeadStatuses.Converted },
        ({ } s, LeadScored scored) => s with { Score = scored },
        ({ } s, LeadReferred r) => s with { ReferralOutcomes = new Dictionary<Guid, string>(s.ReferralOutcomes) { [r.ReferralId] = "pending" } },
        ({ } s, ReferralOutcomeReported o) => s with { ReferralOutcomes = new Dictionary<Guid, string>(s.ReferralOutcomes) { [o.ReferralId] = o.Outcome } },
        _ => state,
    };

    public static LeadState? Fold(IEnumerable<object> events) => events.Aggregate((LeadState?)null, Evolve);

    public static IReadOnlyList<object> Decide(LeadState? state, Command command) => command switch
    {
        Create c => state is null ? [c.Created] : throw new ConflictException("lead-exists", "El prospecto ya existe."),
        Assign c => Open(state).AssigneeId == c.UserId ? [] : [new LeadAssigned(state!.LeadId, c.UserId, c.How, state.AssigneeId)],
        Contact c => [Contacted(Open(state), c)],
        Qualify c => Open(state).Status == LeadStatuses.Qualified ? [] : [new LeadQualified(state!.LeadId, c.UserId)],
        Disqualify c => DecideDisqualify(Existing(state), c),
        Convert c => DecideConvert(Existing(state), c),
        Score c => SameScore(Existing(state).Score, c) ? [] : [new LeadScored(state!.LeadId, c.Points, c.Band, c.Reasons)],
        Refer c => DecideRefer(Open(state), c),
        ReportOutcome c => DecideOutcome(Existing(state), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a lead command."),
    };

    private static LeadContacted Contacted(LeadState state, Contact c)
    {
        var first = state.FirstContactAt is null;
        long? seconds = first ? Math.Max(0, (long)(c.At - state.ReceivedAt).TotalSeconds) : null;
        return new LeadContacted(state.LeadId, c.UserId, c.Channel, c.At, first, seconds);
    }

    private static IReadOnlyList<object> DecideDisqualify(LeadState state, Disqualify c) => state.Status switch
    {
        LeadStatuses.Disqualified => [],
        LeadStatuses.Converted => throw new ConflictException("lead-converted", "El prospecto ya se convirtió en oportunidad."),
        _ => [new LeadDisqualified(state.LeadId, c.Reason, c.UserId)],
    };

    private static IReadOnlyList<object> DecideConvert(LeadState state, Convert c) => state.Status switch
    {
        LeadStatuses.Disqualified => throw new DomainException("lead-disqualified", "Un prospecto descartado no se puede convertir en oportunidad."),
        LeadStatuses.Converted => throw new ConflictException("lead-converted", "El prospecto ya se convirtió en oportunidad."),
        _ => [new LeadConverted(state.LeadId, c.OpportunityId)],
    };

    private static IReadOnlyList<object> DecideRefer(LeadState state, Refer c)
    {
        if (state.ReferralOutcomes.ContainsKey(c.ReferralId)) return [];
        if (state.Source == LeadSources.Referral)
            throw new DomainException("lead-referred-in", "Un prospecto recibido por referido no se puede referir de nuevo.");
        return [new LeadReferred(state.LeadId, c.ReferralId, c.ToTenantId, c.ToTenantName, c.CommissionPercent)];
    }

    private static IReadOnlyList<object> DecideOutcome(LeadState state, ReportOutcome c)
    {
        if (!state.ReferralOutcomes.TryGetValue(c.ReferralId, out var current)) throw new NotFoundException("el referido");
        if (current == c.Outcome) return [];
        if (current is ReferralOutcomes.Won or ReferralOutcomes.Lost)
            throw new ConflictException("referral-closed", "El resultado de este referido ya se informó.");
        return [new ReferralOutcomeReported(state.LeadId, c.ReferralId, c.Outcome, c.Amount)];
    }

    private static bool SameScore(LeadScored? current, Score c) =>
        current is not null && current.Score == c.Points && current.Band == c.Band && current.Reasons.SequenceEqual(c.Reasons);

    private static LeadState Existing(LeadState? state) => state ?? throw new NotFoundException("el prospecto");

    private static LeadState Open(LeadState? state)
    {
        var lead = Existing(state);
        if (!lead.IsClosed) return lead;
        var error = new ConflictException("lead-closed", "El prospecto ya está cerrado (descartado o convertido).");
        error.Details["status"] = lead.Status;
        throw error;
    }
}

public static class ReferralOutcomes
{
    public const string Accepted = "accepted";
    public const string Won = "won";
    public const string Lost = "lost";

    public static IReadOnlyList<string> All { get; } = [Accepted, Won, Lost];
}
