using System.Text.Json;

namespace Platform.Read.Leads;

/// <summary>One factor of a lead's score: its points and why.</summary>
public sealed record LeadScoreReason(string Factor, int Points, string Detail);

/// <summary>A lead as lists show it; <see cref="ResponseSeconds"/> is from creation to first contact.</summary>
public sealed record LeadSummary(
    Guid LeadId, Guid CustomerId, string Source, string? Campaign, Guid? ListingId, string Name, string? Phone, string? Email, string Status,
    Guid? AssigneeId, int Score, string Band, long? ResponseSeconds, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A leads row as Dapper fills it.</summary>
internal sealed class LeadRow
{
    public Guid LeadId { get; set; }
    public Guid CustomerId { get; set; }
    public string Source { get; set; } = "";
    public string? Campaign { get; set; }
    public Guid? ListingId { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Message { get; set; }
    public decimal? Budget { get; set; }
    public string? Timeline { get; set; }
    public string Status { get; set; } = "";
    public Guid? AssigneeId { get; set; }
    public int Score { get; set; }
    public string Band { get; set; } = "";
    public string Reasons { get; set; } = "[]";
    public string? DisqualifyReason { get; set; }
    public Guid? OpportunityId { get; set; }
    public Guid? ReferralId { get; set; }
    public int Contacts { get; set; }
    public DateTime? FirstContactedAt { get; set; }
    public Guid? FirstContactedBy { get; set; }
    public long? ResponseSeconds { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const string Columns = """
        l.lead_id as LeadId, l.customer_id as CustomerId, l.source as Source, l.campaign as Campaign, l.listing_id as ListingId, l.name as Name,
        l.phone as Phone, l.email as Email, l.message as Message, l.budget as Budget, l.timeline as Timeline, l.status as Status,
        l.assignee_id as AssigneeId, l.score as Score, l.band as Band, l.reasons::text as Reasons, l.disqualify_reason as DisqualifyReason,
        l.opportunity_id as OpportunityId, l.referral_id as ReferralId, l.contacts as Contacts, l.first_contacted_at as FirstContactedAt,
        l.first_contacted_by as FirstContactedBy, l.response_seconds as ResponseSeconds, l.version as Version, l.created_at as CreatedAt,
        l.updated_at as UpdatedAt
        """;

    public IReadOnlyList<LeadScoreReason> ScoreReasons => JsonSerializer.Deserialize<List<LeadScoreReason>>(Reasons, JsonSerializerOptions.Web) ?? [];

    public LeadSummary ToSummary() => new(
        LeadId, CustomerId, Source, Campaign, ListingId, Name, Phone, Email, Status, AssigneeId, Score, Band, ResponseSeconds, Version,
        Utc(CreatedAt)!.Value, Utc(UpdatedAt)!.Value);

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
