using MediatR;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>The opportunity's stream version after a change (its new ETag), and the note or activity the change added.</summary>
public sealed record OpportunityChanged(Guid OpportunityId, long Version, Guid? ItemId = null);

/// <summary>A change's second stream in the same append, and the rows to write after it (given that stream's new version).</summary>
public sealed record Companion(StreamAppend Append, Func<long, Task> AfterAppendAsync);

/// <summary>
/// Every change to an existing opportunity: load its stream in the tenant's transaction (another
/// tenant's is not there: 404), check who may act and If-Match, load its pipeline under the pipeline's
/// shared lock, decide, append, update its position row.
/// </summary>
public abstract class OpportunityCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<TRequest, OpportunityChanged>
    where TRequest : IRequest<OpportunityChanged>
{
    protected CommandContext Context => context;

    protected EventSerializer Serializer => serializer;

    public async Task<OpportunityChanged> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = OpportunityIdOf(request);
        var stream = OpportunityEvents.Stream(id);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Opportunity.Fold(events) ?? throw new NotFoundException("la oportunidad");
        if (context.Role == Roles.Sales && !MayActAsSales(state, request, context.User))
            throw new AccessDeniedException("Con el rol de ventas solo cambias tus propias oportunidades.");
        tx.EnsureExpected(stream, ExpectedVersionOf(request), version);

        await OpportunityRows.LockPipelineAsync(tx, state.PipelineId, exclusive: false, cancellationToken);
        var (pipelineEvents, _) = await tx.ReadStreamAsync(serializer, PipelineEvents.PipelineStream(state.PipelineId), cancellationToken);
        var pipeline = SalesPipeline.Fold(pipelineEvents) ?? throw new InvalidOperationException($"Opportunity {id} names a missing pipeline.");
        var decided = Opportunity.Decide(state, await DecisionAsync(tx, request, state, pipeline, cancellationToken));
        if (decided.Count == 0) return new OpportunityChanged(id, version, ItemIdOf(request));
        var companion = await CompanionAsync(tx, state, decided, cancellationToken);
        var results = await append.AppendAsync(tx,
        [
            new StreamAppend(tx.TenantId, stream, ExpectedVersion.Exact(version), decided.Select(context.Event).ToList()),
            .. companion is null ? [] : new[] { companion.Append },
        ], cancellationToken);
        var result = results[0];
        await OpportunityRows.UpsertAsync(tx, decided.Aggregate((OpportunityState?)state, Opportunity.Evolve)!, result.StreamVersion, cancellationToken);
        if (companion is not null) await companion.AfterAppendAsync(results[1].StreamVersion);
        await tx.CommitAsync(cancellationToken);
        return new OpportunityChanged(id, result.StreamVersion, ItemIdOf(request));
    }

    /// <summary>Another stream's part of the same append, and what to write once it is stored (a win's purchase on its customer).</summary>
    protected virtual Task<Companion?> CompanionAsync(TenantTransaction tx, OpportunityState state, IReadOnlyList<object> decided, CancellationToken ct) =>
        Task.FromResult<Companion?>(null);

    /// <summary>Sales users work their own opportunities; owners and admins work any.</summary>
    protected virtual bool MayActAsSales(OpportunityState state, TRequest request, Guid user) => state.OwnerId == user;

    protected abstract Guid OpportunityIdOf(TRequest request);

    protected abstract long? ExpectedVersionOf(TRequest request);

    protected virtual Guid? ItemIdOf(TRequest request) => null;

    protected abstract Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, TRequest request, OpportunityState state, PipelineState pipeline, CancellationToken ct);
}
