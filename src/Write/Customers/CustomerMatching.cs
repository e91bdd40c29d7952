using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

public enum MatchOutcome { Created, Merged, Unchanged }

/// <summary>
/// The customer a contact belongs to, and what recording it takes: the events of the customer's stream
/// (none when nothing is new) and the stream's version they go after (0: a new stream).
/// </summary>
public sealed record CustomerMatch(Guid CustomerId, MatchOutcome Outcome, CustomerState State, IReadOnlyList<object> Events, long Version, string Source)
{
    public string StreamId => CustomerStreams.Customer(CustomerId);

    /// <summary>The customer's part of the caller's append, or null when there is nothing to append.</summary>
    public StreamAppend? ToAppend(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Events.Count == 0 ? null : new StreamAppend(context.Tenant, StreamId,
            Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(Version), [.. Events.Select(context.Event)]);
    }
}

/// <summary>
/// "Is this the same person?" for leads, quote requests and imports: a customer with the same phone or
/// e-mail gets what is new merged in; otherwise a new customer is created. Inside the caller's tenant
/// transaction, under the tenant's contacts lock, so two requests of one new person make one customer.
/// </summary>
public static class CustomerMatching
{
    /// <summary>
    /// Locks, finds and decides, without writing: the caller appends <see cref="CustomerMatch.ToAppend"/>
    /// with its own streams (one append per transaction) and then calls <see cref="SaveAsync"/>.
    /// </summary>
    public static async Task<CustomerMatch> PrepareAsync(
        TenantTransaction tx, EventSerializer serializer, CustomerContact contact, IReadOnlyDictionary<string, string>? fields, string source,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(contact);
        fields ??= new Dictionary<string, string>();
        await CustomerRows.LockContactsAsync(tx, ct);
        var owners = await CustomerRows.OwnersAsync(tx, contact.Phones, contact.Emails, ct);
        var owner = contact.Phones.Select(p => owners.FirstOrDefault(o => o.Kind == "phone" && o.Value == p))
            .Concat(contact.Emails.Select(e => owners.FirstOrDefault(o => o.Kind == "email" && o.Value == e)))
            .FirstOrDefault(o => o is not null);
        var free = new Func<string, string, bool>((kind, value) => !owners.Any(o => o.Kind == kind && o.Value == value));
        var phones = contact.Phones.Where(p => free("phone", p)).ToList();
        var emails = contact.Emails.Where(e => free("email", e)).ToList();

        if (owner is null)
        {
            var id = Guid.CreateVersion7();
            var created = Customer.Decide(null, new Customer.Create(id, contact with { Phones = phones, Emails = emails }, fields, source));
            return new CustomerMatch(id, MatchOutcome.Created, Customer.Fold(created)!, created, 0, source);
        }

        await CustomerRows.LockCustomerAsync(tx, owner.CustomerId, ct);
        var (events, version) = await tx.ReadStreamAsync(serializer, CustomerStreams.Customer(owner.CustomerId), ct);
        var state = Customer.Fold(events) ?? throw new InvalidOperationException($"Customer {owner.CustomerId} has contacts but no stream.");
        var merged = Customer.Decide(state, new Customer.Merge(phones, emails, fields, source));
        return new CustomerMatch(owner.CustomerId, merged.Count == 0 ? MatchOutcome.Unchanged : MatchOutcome.Merged,
            merged.Aggregate((CustomerState?)state, Customer.Evolve)!, merged, version, source);
    }

    /// <summary>Writes the customer's row after the append; <paramref name="streamVersion"/> is the append's result.</summary>
    public static Task SaveAsync(TenantTransaction tx, CustomerMatch match, long streamVersion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Events.Count == 0 ? Task.CompletedTask : CustomerRowWrites.UpsertAsync(tx, match.State, streamVersion, match.Source, now, ct);
    }

    /// <summary>Prepare, append and save, for a caller that appends nothing else in its transaction.</summary>
    public static async Task<CustomerMatch> MatchAsync(
        TenantTransaction tx, CommandContext context, TransactionalAppend append, EventSerializer serializer,
        CustomerContact contact, IReadOnlyDictionary<string, string>? fields, string source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(append);
        var match = await PrepareAsync(tx, serializer, contact, fields, source, ct);
        if (match.ToAppend(context) is not { } stream) return match;
        var result = (await append.AppendAsync(tx, [stream], ct))[0];
        await SaveAsync(tx, match, result.StreamVersion, now, ct);
        return match;
    }
}
