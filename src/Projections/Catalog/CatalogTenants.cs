using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Projections.Catalog;

/// <summary>
/// Tenant events as catalog search sees them: the slug and name buyers meet, whether the tenant is
/// active and in the network (its listings enter or leave the network table), and its synonyms.
/// </summary>
internal static class CatalogTenants
{
    public static readonly string[] EventTypes =
    [
        "tenancy.tenant-registered.v1", "tenancy.tenant-settings-changed.v1", "tenancy.tenant-deactivated.v1",
        "tenancy.tenant-reactivated.v1", TenantNetwork.MembershipChangedName, CatalogSynonyms.ReplacedName,
    ];

    public static async Task ApplyAsync(ProjectionContext context, RecordedEvent e, CancellationToken ct)
    {
        var tenants = context.Table(CatalogSearchViews.Tenants);
        var tenant = e.TenantId;
        await using var batch = context.CreateBatch();
        switch (e.Data)
        {
            case TenantRegistered r:
                batch.BatchCommands.Add(WordCounts.Command($"""
                    insert into {tenants} (tenant_id, slug, name, active, network_member) values ($1, $2, $3, true, false)
                    on conflict (tenant_id) do update set slug = excluded.slug, name = excluded.name
                    """, tenant, r.Slug, r.Name));
                batch.AddAll(SynonymRows.Replace(context, tenant, CatalogSynonyms.Defaults));
                break;
            case TenantSettingsChanged s:
                batch.BatchCommands.Add(WordCounts.Command($"update {tenants} set name = $2 where tenant_id = $1", tenant, s.Name));
                break;
            case CatalogSynonymsReplaced s:
                batch.AddAll(SynonymRows.Replace(context, tenant, s.Groups));
                break;
            case TenantDeactivated or TenantReactivated or TenantNetworkMembershipChanged:
                await MoveAsync(context, batch, e, ct);
                break;
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The tenant's listings are in the network while it is active and a member; a change of either moves them.</summary>
    private static async Task MoveAsync(ProjectionContext context, NpgsqlBatch batch, RecordedEvent e, CancellationToken ct)
    {
        var tenants = context.Table(CatalogSearchViews.Tenants);
        await using var read = context.CreateCommand($"select active, network_member from {tenants} where tenant_id = $1");
        read.Parameters.Add(new() { Value = e.TenantId });
        bool active, member;
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return;
            (active, member) = (reader.GetBoolean(0), reader.GetBoolean(1));
        }
        var (nowActive, nowMember) = e.Data switch
        {
            TenantDeactivated => (false, member),
            TenantReactivated => (true, member),
            TenantNetworkMembershipChanged m => (active, m.Member),
            _ => (active, member),
        };
        batch.BatchCommands.Add(WordCounts.Command(
            $"update {tenants} set active = $2, network_member = $3 where tenant_id = $1", e.TenantId, nowActive, nowMember));
        var (was, now) = (active && member, nowActive && nowMember);
        if (was == now) return;
        batch.BatchCommands.Add(NetworkRows.MoveTenant(context, e.TenantId, now));
        batch.AddAll(WordCounts.MoveTenant(context, e.TenantId, now));
    }
}
