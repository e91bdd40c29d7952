using Platform.Write.Domain;

namespace Platform.Write.Customers;

/// <summary>Contact data, already normalized: phones E.164, e-mails lower-case, no duplicates.</summary>
public sealed record CustomerContact(string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string? Address, string? Notes)
{
    public bool SameAs(CustomerContact other) =>
        other is not null && Name == other.Name && Address == other.Address && Notes == other.Notes
        && Phones.SequenceEqual(other.Phones, StringComparer.Ordinal) && Emails.SequenceEqual(other.Emails, StringComparer.Ordinal);
}

public sealed record CustomerState(Guid CustomerId, CustomerContact Contact, IReadOnlyDictionary<string, string> Fields, CustomerActivity Activity)
{
    /// <summary>The opportunities already recorded as purchases, so a repeated win counts once.</summary>
    public IReadOnlyList<Guid> Purchases { get; init; } = [];
}

/// <summary>A customer: its state is a fold of its stream; decisions are pure.</summary>
public static class Customer
{
    public abstract record Command;

    public sealed record Create(Guid CustomerId, CustomerContact Contact, IReadOnlyDictionary<string, string> Fields, string Source) : Command;

    public sealed record ChangeContact(CustomerContact Contact) : Command;

    public sealed record ChangeFields(IReadOnlyDictionary<string, string> Fields) : Command;

    /// <summary>The same person came again: keep what the customer has, add what is new (fields only where empty).</summary>
    public sealed record Merge(IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, IReadOnlyDictionary<string, string> Fields, string Source) : Command;

    public sealed record LogInteraction(
        Guid InteractionId, string Kind, string? Outcome, string? Notes, DateTimeOffset OccurredAt, DateOnly? FollowUpOn, Guid? UserId) : Command;

    public sealed record RecordPurchase(Guid OpportunityId, decimal Amount, string Currency, DateTimeOffset At) : Command;

    public static CustomerState? Evolve(CustomerState? state, object @event) => (state, @event) switch
    {
        (null, CustomerCreated c) => new CustomerState(
            c.CustomerId, new CustomerContact(c.Name, Erasable(c.Phones), Erasable(c.Emails), c.Address, c.Notes), Erasable(c.Fields), CustomerActivity.None),
        ({ } s, CustomerContactChanged c) => s with { Contact = new CustomerContact(c.Name, Erasable(c.Phones), Erasable(c.Emails), c.Address, c.Notes) },
        ({ } s, CustomerContactMerged m) => s with
        {
            Contact = s.Contact with { Phones = [.. s.Contact.Phones, .. Erasable(m.Phones)], Emails = [.. s.Contact.Emails, .. Erasable(m.Emails)] },
            Fields = new Dictionary<string, string>(s.Fields.Concat(Erasable(m.Fields)), StringComparer.Ordinal),
        },
        ({ } s, CustomerFieldsChanged f) => s with { Fields = Erasable(f.Fields) },
        ({ } s, InteractionLogged i) => s with { Activity = s.Activity.With(i.OccurredAt) },
        ({ } s, CustomerPurchaseRecorded p) => s with { Activity = s.Activity.With(p.At), Purchases = [.. s.Purchases, p.OpportunityId] },
        _ => state,
    };

    public static CustomerState? Fold(IEnumerable<object> events) => events.Aggregate((CustomerState?)null, Evolve);

    public static IReadOnlyList<object> Decide(CustomerState? state, Command command) => command switch
    {
        Create c => state is null ? [Created(c)] : throw new ConflictException("customer-exists", "El cliente ya existe."),
        ChangeContact c => Existing(state).Contact.SameAs(c.Contact) ? [] : [Changed(state!.CustomerId, c.Contact)],
        ChangeFields c => SameFields(Existing(state).Fields, c.Fields) ? [] : [new CustomerFieldsChanged(state!.CustomerId, c.Fields)],
        Merge c => DecideMerge(Existing(state), c),
        LogInteraction c => [Logged(Existing(state), c)],
        RecordPurchase c => Existing(state).Purchases.Contains(c.OpportunityId)
            ? [] : [new CustomerPurchaseRecorded(state!.CustomerId, c.OpportunityId, c.Amount, c.Currency, c.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a customer command."),
    };

    private static InteractionLogged Logged(CustomerState state, LogInteraction c) =>
        new(state.CustomerId, c.InteractionId, c.Kind, c.Outcome, c.Notes, c.OccurredAt, c.FollowUpOn, c.UserId);

    private static CustomerCreated Created(Create c) =>
        new(c.CustomerId, c.Contact.Name, c.Contact.Phones, c.Contact.Emails, c.Contact.Address, c.Contact.Notes, c.Fields, c.Source);

    private static CustomerContactChanged Changed(Guid id, CustomerContact c) => new(id, c.Name, c.Phones, c.Emails, c.Address, c.Notes);

    private static IReadOnlyList<object> DecideMerge(CustomerState state, Merge command)
    {
        var phones = command.Phones.Distinct(StringComparer.Ordinal).Except(state.Contact.Phones, StringComparer.Ordinal).ToList();
        var emails = command.Emails.Distinct(StringComparer.Ordinal).Except(state.Contact.Emails, StringComparer.Ordinal).ToList();
        var fields = command.Fields.Where(f => !state.Fields.ContainsKey(f.Key)).ToDictionary(StringComparer.Ordinal);
        return phones.Count + emails.Count + fields.Count == 0 ? [] : [new CustomerContactMerged(state.CustomerId, phones, emails, fields, command.Source)];
    }

    public static bool SameFields(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var value) && value == f.Value);

    private static CustomerState Existing(CustomerState? state) => state ?? throw new NotFoundException("el cliente");

    // A forgotten customer's lists read back as null (only strings have an erased text): nothing, then.
    private static IReadOnlyList<string> Erasable(IReadOnlyList<string>? values) => values ?? [];

    private static IReadOnlyDictionary<string, string> Erasable(IReadOnlyDictionary<string, string>? values) =>
        values ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
