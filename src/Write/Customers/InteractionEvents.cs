using Platform.Write.Privacy;

namespace Platform.Write.Customers;

/// <summary>A touch with a customer: a call, an e-mail, a meeting, a WhatsApp, a visit or a note.</summary>
public sealed record InteractionLogged(
    [property: DataSubject] Guid CustomerId,
    Guid InteractionId,
    string Kind,
    string? Outcome,
    [property: PersonalData] string? Notes,
    DateTimeOffset OccurredAt,
    DateOnly? FollowUpOn,
    Guid? UserId);

/// <summary>A won opportunity of the customer: a purchase. It counts for the segments like a touch, once per opportunity.</summary>
public sealed record CustomerPurchaseRecorded([property: DataSubject] Guid CustomerId, Guid OpportunityId, decimal Amount, string Currency, DateTimeOffset At);

public static class InteractionKinds
{
    public static IReadOnlyList<string> All { get; } = ["call", "email", "meeting", "whatsapp", "visit", "note"];

    public static IReadOnlyList<string> Outcomes { get; } = ["successful", "no-answer", "interested", "not-interested", "rescheduled", "other"];
}
