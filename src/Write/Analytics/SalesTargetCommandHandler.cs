using MediatR;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Analytics;

/// <summary><paramref name="Version"/>: the version of the tenant's targets stream after the change (its ETag).</summary>
public sealed record SalesTargetChanged(string Month, long Version);

/// <summary>
/// Every change to the targets: read the tenant's targets stream in its transaction, check If-Match, decide,
/// append, and keep the month's row in the same transaction.
/// </summary>
public abstract class SalesTargetCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<TRequest, SalesTargetChanged>
    where TRequest : IRequest<SalesTargetChanged>
{
    public async Task<SalesTargetChanged> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, SalesTargetEvents.Stream, cancellationToken);
        tx.EnsureExpected(SalesTargetEvents.Stream, ExpectedVersionOf(request), version);
        var state = SalesTargets.Fold(events);
        var command = await DecisionAsync(tx, request, cancellationToken);
        var decided = SalesTargets.Decide(state, command);
        var month = MonthOf(request);
        if (decided.Count == 0) return new SalesTargetChanged(month, version);
        var expected = version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version);
        var result = await append.AppendAsync(tx, SalesTargetEvents.Stream, expected, decided.Select(context.Event).ToList(), cancellationToken);
        var after = decided.Aggregate(state, SalesTargets.Evolve);
        await SalesTargetRows.UpsertAsync(tx, month, after.Months.GetValueOrDefault(month), result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new SalesTargetChanged(month, result.StreamVersion);
    }

    protected abstract string MonthOf(TRequest request);

    protected abstract long? ExpectedVersionOf(TRequest request);

    protected abstract Task<SalesTargets.Command> DecisionAsync(TenantTransaction tx, TRequest request, CancellationToken ct);
}
