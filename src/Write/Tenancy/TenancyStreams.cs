using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>A state folded from its stream, and the stream's version (0: no stream).</summary>
public sealed record Loaded<TState>(TState? State, long Version);

/// <summary>
/// Loads tenant and user state from their streams inside the command's tenant transaction. The
/// stream key includes the tenant from the context, so another tenant's user is simply not there.
/// </summary>
internal static class TenancyStreams
{
    public static async Task<Loaded<TenantState>> LoadTenantAsync(this TenantTransaction tx, EventSerializer serializer, CancellationToken ct)
    {
        var (events, version) = await tx.ReadStreamAsync(serializer, TenancyEvents.TenantStream, ct);
        return new Loaded<TenantState>(Tenant.Fold(events), version);
    }

    public static async Task<Loaded<UserState>> LoadUserAsync(
        this TenantTransaction tx, EventSerializer serializer, Guid userId, CancellationToken ct)
    {
        var (events, version) = await tx.ReadStreamAsync(serializer, TenancyEvents.UserStream(userId), ct);
        return new Loaded<UserState>(User.Fold(events), version);
    }
}
