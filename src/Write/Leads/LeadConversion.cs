using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// A lead becomes an opportunity. Called by the pipeline's "open opportunity" handler inside its own
/// tenant transaction: it loads the lead, refuses a disqualified or already converted one
/// (<see cref="Domain.DomainException"/>), and returns the lead's part of the caller's single append.
/// </summary>
public static class LeadConversion
{
    /// <summary>The decision and the lead stream's append; nothing is written yet.</summary>
    public sealed record Prepared(Guid LeadId, Guid CustomerId, IReadOnlyList<object> Events, StreamAppend Append);

    public static async Task<Prepared> PrepareAsync(
        TenantTransaction tx, EventSerializer serializer, Func<object, NewEvent> toEvent, Guid leadId, Guid opportunityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(toEvent);
        var stream = LeadStreams.Lead(leadId);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, ct);
        var state = Lead.Fold(events) ?? throw new Domain.NotFoundException("el prospecto");
        var decided = Lead.Decide(state, new Lead.Convert(opportunityId));
        return new Prepared(leadId, state.CustomerId, decided, new StreamAppend(tx.TenantId, stream, ExpectedVersion.Exact(version), [.. decided.Select(toEvent)]));
    }

    /// <summary>After the caller's append: the lead's row; <paramref name="streamVersion"/> is the lead stream's result.</summary>
    public static Task SaveAsync(TenantTransaction tx, Prepared prepared, long streamVersion, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return LeadRows.ApplyAsync(tx, prepared.Events, streamVersion, now, ct);
    }

    /// <summary>Prepare, append and save, for a caller whose own events go in another transaction or none.</summary>
    public static async Task<long> ConvertAsync(
        TenantTransaction tx, TransactionalAppend append, EventSerializer serializer, CommandContext context, Guid leadId, Guid opportunityId,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(append);
        ArgumentNullException.ThrowIfNull(context);
        var prepared = await PrepareAsync(tx, serializer, context.Event, leadId, opportunityId, ct);
        var result = (await append.AppendAsync(tx, [prepared.Append], ct))[0];
        await SaveAsync(tx, prepared, result.StreamVersion, now, ct);
        return result.StreamVersion;
    }
}
