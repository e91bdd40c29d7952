using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// The tenant joined (<paramref name="Member"/> true) or left the dealers' network: while it is a
/// member, its published listings appear in buyers' network search beside the other members'.
/// </summary>
public sealed record TenantNetworkMembershipChanged(bool Member);

public static class TenantNetwork
{
    /// <summary>A stream of its own, so joining the network does not move the tenant's ETag.</summary>
    public const string Stream = "network-membership";

    public const string MembershipChangedName = "tenancy.network-membership-changed.v1";

    public static EventTypeRegistry RegisterTenantNetwork(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register<TenantNetworkMembershipChanged>(MembershipChangedName);
    }

    /// <summary>Not a member until the tenant says so.</summary>
    public static bool IsMember(IEnumerable<object> events) =>
        events.OfType<TenantNetworkMembershipChanged>().LastOrDefault()?.Member ?? false;
}

/// <summary>Joins or leaves the network; answers the membership stream's version (unchanged when nothing changed).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeNetworkMembership(bool Member) : IRequest<long>;

public sealed class ChangeNetworkMembershipHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<ChangeNetworkMembership, long>
{
    public async Task<long> Handle(ChangeNetworkMembership request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, TenantNetwork.Stream, cancellationToken);
        if (TenantNetwork.IsMember(events) == request.Member) return version;
        var expected = version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version);
        var result = await append.AppendAsync(
            tx, TenantNetwork.Stream, expected, [context.Event(new TenantNetworkMembershipChanged(request.Member))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result.StreamVersion;
    }
}
