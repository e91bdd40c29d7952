using MediatR;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// The shape of the commands on an existing user: under the tenant's membership lock, load the
/// user's stream (another tenant's user is not in this tenant's streams: 404), decide with the
/// acting user's current role and the active owners, append, then write the rows that follow.
/// Answers the user stream's version, which is the user's ETag.
/// </summary>
public abstract class UserCommandHandler<TRequest>(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<TRequest, long>
    where TRequest : IRequest<long>
{
    public async Task<long> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = UserIdOf(request);
        var stream = TenancyEvents.UserStream(userId);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await Membership.LockAsync(tx, cancellationToken);
        var (state, version) = await tx.LoadUserAsync(serializer, userId, cancellationToken);
        if (state is null) throw TenancyErrors.UserNotFound();
        tx.EnsureExpected(stream, ExpectedVersionOf(request), version);

        var actor = await Membership.ActorAsync(tx, context.User, cancellationToken);
        var owners = await Membership.ActiveOwnersAsync(tx, cancellationToken);
        var events = User.Decide(state, Decision(request, actor, owners));
        if (events.Count == 0) return version;

        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), cancellationToken);
        var next = events.Aggregate((UserState?)state, User.Evolve)!;
        await AfterAppendAsync(tx, next, result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }

    protected abstract Guid UserIdOf(TRequest request);

    /// <summary>The If-Match version, when the request carries one.</summary>
    protected virtual long? ExpectedVersionOf(TRequest request) => null;

    protected abstract User.Command Decision(TRequest request, Actor actor, long activeOwners);

    /// <summary>Writes the users row (and whatever else the change ends) after the append, in its transaction.</summary>
    protected virtual Task AfterAppendAsync(TenantTransaction tx, UserState state, long version, DateTimeOffset now, CancellationToken ct) =>
        TenancyRows.UpdateUserAsync(tx, state, version, now, ct);
}
