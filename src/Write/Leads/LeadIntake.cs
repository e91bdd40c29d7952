using Platform.Write.Customers;
using Platform.Write.EventStore;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// A request to record as a lead. <paramref name="LeadId"/> is chosen by the caller: deterministic for
/// quotes and webhook deliveries, so a replay finds the lead already there and changes nothing.
/// <paramref name="AssigneeId"/> null: round-robin among the tenant's sales users.
/// </summary>
public sealed record LeadRequest(
    Guid LeadId, string Source, string? Campaign, Guid? ListingId, CustomerContact Contact, string? Message, decimal? Budget, string? Timeline,
    Guid? AssigneeId = null, Guid? ReferralId = null);

/// <summary>The lead, its customer, its stream's version; <paramref name="Existed"/> when the request was a replay.</summary>
public sealed record LeadRecorded(Guid LeadId, Guid CustomerId, long Version, bool Existed);

/// <summary>
/// Records a lead inside the caller's tenant transaction (the caller commits): finds or creates the
/// customer by phone or e-mail, scores the lead with the tenant's weights, assigns it, and appends the
/// customer's and the lead's events in one append.
/// </summary>
public sealed class LeadIntake(TransactionalAppend append, EventSerializer serializer, TimeProvider time)
{
    public async Task<LeadRecorded> RecordAsync(TenantTransaction tx, Func<object, NewEvent> toEvent, LeadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(toEvent);
        ArgumentNullException.ThrowIfNull(request);
        // The contacts lock comes first: it also serializes two deliveries of the same lead.
        var match = await CustomerMatching.PrepareAsync(tx, serializer, request.Contact, null, CustomerSources.Lead, ct);
        var stream = LeadStreams.Lead(request.LeadId);
        var (existing, existingVersion) = await tx.ReadStreamAsync(serializer, stream, ct);
        if (Lead.Fold(existing) is { } already) return new LeadRecorded(already.LeadId, already.CustomerId, existingVersion, true);

        decimal? price = null;
        if (request.ListingId is { } listing)
            price = await LeadRows.ListingPriceAsync(tx, listing, ct) ?? throw LeadInputRules.Invalid("listingId", "No existe esa publicación en tu catálogo.");
        var previous = match.Outcome == MatchOutcome.Created ? 0 : await LeadRows.PreviousRequestsAsync(tx, match.CustomerId, request.LeadId, ct);
        var (weights, _) = await ScoringWeights.ReadAsync(tx, serializer, ct);
        var assignee = request.AssigneeId;
        if (assignee is { } chosen) await RoundRobin.EnsureAssignableAsync(tx, chosen, ct);
        var rotated = assignee is null ? await RoundRobin.NextAsync(tx, ct) : null;

        var now = time.GetUtcNow();
        var contact = request.Contact;
        var created = new LeadCreated(request.LeadId, match.CustomerId, request.Source, request.Campaign, request.ListingId, contact.Name,
            contact.Phones.Count > 0 ? contact.Phones[0] : null, contact.Emails.Count > 0 ? contact.Emails[0] : null, request.Message, request.Budget, request.Timeline, now, request.ReferralId);
        var events = new List<object>(Lead.Decide(null, new Lead.Create(created)));
        var state = Lead.Fold(events);
        var score = LeadScoring.Score(new ScoreInputs(request.Source, request.Budget, price, request.Timeline, contact.Name.Length > 0,
            created.Phone is not null, created.Email is not null, previous, 0), weights);
        events.AddRange(Lead.Decide(state, score));
        if ((assignee ?? rotated) is { } user)
            events.AddRange(Lead.Decide(state, new Lead.Assign(user, rotated is null ? AssignmentKinds.Manual : AssignmentKinds.RoundRobin)));

        var appends = new List<StreamAppend>();
        if (match.Events.Count > 0)
            appends.Add(new StreamAppend(tx.TenantId, match.StreamId, match.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(match.Version),
                [.. match.Events.Select(toEvent)]));
        appends.Add(new StreamAppend(tx.TenantId, stream, ExpectedVersion.NoStream, [.. events.Select(toEvent)]));
        var results = await append.AppendAsync(tx, appends, ct);
        if (match.Events.Count > 0) await CustomerMatching.SaveAsync(tx, match, results[0].StreamVersion, now, ct);
        // Forgetting the customer forgets the request it came from: a quote's lead takes the quote's id.
        await tx.LinkAsync(match.CustomerId, request.LeadId, ct);
        await LeadRows.ApplyAsync(tx, events, results[^1].StreamVersion, now, ct);
        if (rotated is { } next) await RoundRobin.SaveAsync(tx, next, now, ct);
        return new LeadRecorded(request.LeadId, match.CustomerId, results[^1].StreamVersion, false);
    }
}

public static class AssignmentKinds
{
    public const string Manual = "manual";
    public const string RoundRobin = "round-robin";
}
