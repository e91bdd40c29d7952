using MediatR;
using Platform.Write.Domain;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// The shape every tenant command shares: load the tenant stream in a tenant transaction, decide,
/// append, mirror the new state into the tenants row in the same transaction. Answers the stream's
/// version, which is the tenant's ETag.
/// </summary>
public abstract class TenantCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<TRequest, long>
    where TRequest : IRequest<long>
{
    public async Task<long> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        if (LocksMembership) await Membership.LockAsync(tx, cancellationToken);
        var (state, version) = await tx.LoadTenantAsync(serializer, cancellationToken);
        if (state is null) throw new NotFoundException("la empresa");
        tx.EnsureExpected(TenancyEvents.TenantStream, ExpectedVersionOf(request), version);

        var events = Tenant.Decide(state, await DecisionAsync(request, tx, cancellationToken));
        if (events.Count == 0) return version;

        var result = await append.AppendAsync(
            tx, TenancyEvents.TenantStream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), cancellationToken);
        var next = events.Aggregate((TenantState?)state, Tenant.Evolve)!;
        await TenancyRows.UpdateTenantAsync(tx, next, result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }

    /// <summary>True when the decision depends on the tenant's users (a plan's seat limit).</summary>
    protected virtual bool LocksMembership => false;

    /// <summary>The If-Match version, when the request carries one.</summary>
    protected virtual long? ExpectedVersionOf(TRequest request) => null;

    protected abstract Task<Tenant.Command> DecisionAsync(TRequest request, TenantTransaction tx, CancellationToken ct);
}
