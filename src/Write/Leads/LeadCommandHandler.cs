using MediatR;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>A change to an existing lead, as the handlers send it.</summary>
public interface ILeadChange : IRequest<LeadChanged>
{
    Guid LeadId { get; }

    long? ExpectedVersion { get; }
}

/// <summary>
/// The shape of every change to an existing lead: load its stream in the tenant's transaction (another
/// tenant's lead is not there: 404), check If-Match, decide, rescore when what scoring reads changed,
/// append, update its row.
/// </summary>
public abstract class LeadCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<TRequest, LeadChanged>
    where TRequest : ILeadChange
{
    protected CommandContext Context => context;

    protected TimeProvider Time => time;

    protected EventSerializer Serializer => serializer;

    public async Task<LeadChanged> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stream = LeadStreams.Lead(request.LeadId);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Lead.Fold(events) ?? throw new Domain.NotFoundException("el prospecto");
        tx.EnsureExpected(stream, request.ExpectedVersion, version);

        var decided = new List<object>(Lead.Decide(state, await DecisionAsync(tx, request, state, cancellationToken)));
        if (decided.Count == 0) return new LeadChanged(request.LeadId, version);
        var after = decided.Aggregate((LeadState?)state, Lead.Evolve)!;
        if (Rescores)
        {
            var (weights, _) = await ScoringWeights.ReadAsync(tx, serializer, cancellationToken);
            var rescored = Lead.Decide(after, LeadScoring.Score(await LeadRows.ScoreInputsAsync(tx, after, cancellationToken), weights));
            decided.AddRange(rescored);
        }
        var appends = new List<StreamAppend> { new(tx.TenantId, stream, EventStore.ExpectedVersion.Exact(version), [.. decided.Select(context.Event)]) };
        appends.AddRange(await AlsoAppendAsync(tx, request, state, cancellationToken));
        var results = await append.AppendAsync(tx, appends, cancellationToken);
        await LeadRows.ApplyAsync(tx, decided, results[0].StreamVersion, time.GetUtcNow(), cancellationToken);
        await AfterAppendAsync(tx, request, decided, results, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new LeadChanged(request.LeadId, results[0].StreamVersion);
    }

    /// <summary>True when the change moves a scoring factor (a contact is engagement).</summary>
    protected virtual bool Rescores => false;

    protected abstract Task<Lead.Command> DecisionAsync(TenantTransaction tx, TRequest request, LeadState state, CancellationToken ct);

    /// <summary>Other streams the change appends to in the same append (the customer's interaction).</summary>
    protected virtual Task<IReadOnlyList<StreamAppend>> AlsoAppendAsync(TenantTransaction tx, TRequest request, LeadState state, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StreamAppend>>([]);

    protected virtual Task AfterAppendAsync(
        TenantTransaction tx, TRequest request, IReadOnlyList<object> decided, IReadOnlyList<AppendResult> results, CancellationToken ct) => Task.CompletedTask;
}
