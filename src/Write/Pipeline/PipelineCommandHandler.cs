using MediatR;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>The pipeline's stream version after a change (its new ETag), and the stage the change added.</summary>
public sealed record PipelineChanged(Guid PipelineId, long Version, Guid? StageId = null);

/// <summary>
/// Every change to an existing pipeline: lock it against opportunity changes when the change counts
/// them, load its stream in the tenant's transaction (another tenant's is not there: 404), check
/// If-Match, decide, append.
/// </summary>
public abstract class PipelineCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<TRequest, PipelineChanged>
    where TRequest : IRequest<PipelineChanged>
{
    public async Task<PipelineChanged> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = PipelineIdOf(request);
        var stream = PipelineEvents.PipelineStream(id);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        if (CountsOpportunities) await OpportunityRows.LockPipelineAsync(tx, id, exclusive: true, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = SalesPipeline.Fold(events) ?? throw new Domain.NotFoundException("el embudo");
        tx.EnsureExpected(stream, ExpectedVersionOf(request), version);

        var decided = new List<object>();
        foreach (var command in await DecisionsAsync(tx, request, state, cancellationToken))
        {
            var next = SalesPipeline.Decide(state, command);
            state = next.Aggregate((PipelineState?)state, SalesPipeline.Evolve)!;
            decided.AddRange(next);
        }
        if (decided.Count == 0) return new PipelineChanged(id, version, StageIdOf(request));
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), decided.Select(context.Event).ToList(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new PipelineChanged(id, result.StreamVersion, StageIdOf(request));
    }

    /// <summary>Archiving and removing a stage count open opportunities, so they exclude opportunity changes meanwhile.</summary>
    protected virtual bool CountsOpportunities => false;

    protected abstract Guid PipelineIdOf(TRequest request);

    protected abstract long? ExpectedVersionOf(TRequest request);

    protected virtual Guid? StageIdOf(TRequest request) => null;

    protected abstract Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, TRequest request, PipelineState state, CancellationToken ct);
}
