using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>
/// For the pipeline: a won opportunity recorded on its customer, so purchases count for the segments.
/// Like <see cref="CustomerMatching.PrepareAsync"/> it decides without writing: the caller appends
/// <see cref="CustomerMatch.ToAppend"/> with its own streams, then calls <see cref="CustomerMatching.SaveAsync"/>.
/// Null when the stream holds no customer the feature knows.
/// </summary>
public static class CustomerPurchases
{
    public static async Task<CustomerMatch?> PrepareAsync(
        TenantTransaction tx, EventSerializer serializer, Guid customerId, Guid opportunityId, decimal amount, string currency, DateTimeOffset at,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await CustomerRows.LockCustomerAsync(tx, customerId, ct);
        var (events, version) = await tx.ReadStreamAsync(serializer, CustomerStreams.Customer(customerId), ct);
        if (Customer.Fold(events) is not { } state) return null;
        var decided = Customer.Decide(state, new Customer.RecordPurchase(opportunityId, amount, currency, at.ToUniversalTime()));
        return new CustomerMatch(customerId, decided.Count == 0 ? MatchOutcome.Unchanged : MatchOutcome.Merged,
            decided.Aggregate((CustomerState?)state, Customer.Evolve)!, decided, version, "pipeline");
    }
}
