using Platform.Write.EventStore;
using Platform.Write.Privacy;

namespace Platform.Write.Leads;

/// <summary>
/// Someone asked to buy: from a quote request, the inbound webhook, a salesperson's entry or another
/// tenant's referral. The contact is a snapshot as the request came, already normalized; the person
/// is <paramref name="CustomerId"/>, found or created by the request's phone or e-mail.
/// </summary>
public sealed record LeadCreated(
    Guid LeadId,
    [property: DataSubject] Guid CustomerId,
    string Source,
    string? Campaign,
    Guid? ListingId,
    [property: PersonalData] string Name,
    [property: PersonalData] string? Phone,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Message,
    decimal? Budget,
    string? Timeline,
    DateTimeOffset ReceivedAt,
    Guid? ReferralId = null);

/// <summary><paramref name="How"/>: manual or round-robin.</summary>
public sealed record LeadAssigned(Guid LeadId, Guid UserId, string How, Guid? PreviousUserId);

/// <summary>A salesperson reached the person; the first contact sets the lead's response time.</summary>
public sealed record LeadContacted(
    Guid LeadId, Guid UserId, string Channel, DateTimeOffset ContactedAt, bool First, long? ResponseSeconds);

public sealed record LeadQualified(Guid LeadId, Guid? UserId);

public sealed record LeadDisqualified(Guid LeadId, string Reason, Guid? UserId);

/// <summary>The lead became an opportunity of a pipeline.</summary>
public sealed record LeadConverted(Guid LeadId, Guid OpportunityId);

/// <summary>One factor of a score: its points and why, in the salesperson's words.</summary>
public sealed record ScoreReason(string Factor, int Points, string Detail);

/// <summary>The lead's score changed; the reasons add up to it.</summary>
public sealed record LeadScored(Guid LeadId, int Score, string Band, IReadOnlyList<ScoreReason> Reasons);

/// <summary>The lead was referred to another tenant of the network, for a share of the sale.</summary>
public sealed record LeadReferred(Guid LeadId, Guid ReferralId, Guid ToTenantId, string ToTenantName, decimal CommissionPercent);

/// <summary>
/// How a referral ended (accepted, won with an amount, lost): on the received lead when its tenant
/// reports it, and on the sent lead when the report reaches the sender.
/// </summary>
public sealed record ReferralOutcomeReported(Guid LeadId, Guid ReferralId, string Outcome, decimal? Amount);

/// <summary>The tenant's weights of the scoring factors (0 to 5; 1 is the standard weight).</summary>
public sealed record ScoringWeightsChanged(IReadOnlyDictionary<string, decimal> Weights);

public static class LeadEvents
{
    public const string ScoringWeightsChangedName = "leads.scoring-weights-changed.v1";
    public const string LeadCreatedName = "leads.lead-created.v1";
    public const string LeadAssignedName = "leads.lead-assigned.v1";
    public const string LeadContactedName = "leads.lead-contacted.v1";
    public const string LeadQualifiedName = "leads.lead-qualified.v1";
    public const string LeadDisqualifiedName = "leads.lead-disqualified.v1";
    public const string LeadConvertedName = "leads.lead-converted.v1";
    public const string LeadScoredName = "leads.lead-scored.v1";
    public const string LeadReferredName = "leads.lead-referred.v1";
    public const string ReferralOutcomeReportedName = "leads.referral-outcome-reported.v1";

    public static EventTypeRegistry RegisterLeads(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<LeadCreated>(LeadCreatedName)
            .Register<LeadAssigned>(LeadAssignedName)
            .Register<LeadContacted>(LeadContactedName)
            .Register<LeadQualified>(LeadQualifiedName)
            .Register<LeadDisqualified>(LeadDisqualifiedName)
            .Register<LeadConverted>(LeadConvertedName)
            .Register<LeadScored>(LeadScoredName)
            .Register<LeadReferred>(LeadReferredName)
            .Register<ReferralOutcomeReported>(ReferralOutcomeReportedName)
            .Register<ScoringWeightsChanged>(ScoringWeightsChangedName);
    }
}

public static class LeadStreams
{
    public static string Lead(Guid leadId) => $"lead-{leadId:D}";

    /// <summary>The tenant's scoring weights; a stream of its own so each change is an event.</summary>
    public const string ScoringWeights = "lead-scoring-weights";
}

public static class LeadSources
{
    public const string Quote = "quote";
    public const string Webhook = "webhook";
    public const string Manual = "manual";
    public const string Referral = "referral";

    public static IReadOnlyList<string> All { get; } = [Quote, Webhook, Manual, Referral];
}

public static class LeadStatuses
{
    public const string New = "new";
    public const string Contacted = "contacted";
    public const string Qualified = "qualified";
    public const string Disqualified = "disqualified";
    public const string Converted = "converted";

    public static IReadOnlyList<string> All { get; } = [New, Contacted, Qualified, Disqualified, Converted];
}

public static class LeadTimelines
{
    public const string Immediate = "immediate";
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Later = "later";

    public static IReadOnlyList<string> All { get; } = [Immediate, Month, Quarter, Later];
}
