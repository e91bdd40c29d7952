using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>What an opportunity command checks against the tenant's other data, inside its transaction.</summary>
internal static class OpportunityChecks
{
    /// <summary>Only the customers feature writes that stream; the opportunity needs no more than its existence.</summary>
    public static async Task EnsureCustomerAsync(TenantTransaction tx, Guid customerId, CancellationToken ct)
    {
        if (!await tx.ScalarAsync<bool>("select exists (select from events where tenant_id = $1 and stream_id = $2)", ct,
                tx.TenantId, OpportunityEvents.CustomerStream(customerId)))
            throw new NotFoundException("el cliente");
    }

    /// <summary>An opportunity's owner or an activity's assignee is an active owner, admin or sales user of the tenant.</summary>
    public static async Task EnsureSellerAsync(TenantTransaction tx, Guid userId, string field, CancellationToken ct)
    {
        if (await tx.ScalarAsync<bool>(
                "select exists (select from users where tenant_id = $1 and user_id = $2 and status = 'active' and role in ('owner', 'admin', 'sales'))",
                ct, tx.TenantId, userId))
            return;
        throw new FluentValidation.ValidationException(
            [new FluentValidation.Results.ValidationFailure(field, "Debe ser un usuario activo de la empresa con rol owner, admin o sales.")]);
    }

    public static async Task<PipelineState> PipelineAsync(TenantTransaction tx, EventStore.EventSerializer serializer, Guid pipelineId, CancellationToken ct)
    {
        var (events, _) = await tx.ReadStreamAsync(serializer, PipelineEvents.PipelineStream(pipelineId), ct);
        return SalesPipeline.Fold(events) ?? throw new NotFoundException("el embudo");
    }

    public static Task<string> CurrencyAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<string>("select currency from tenants where tenant_id = $1", ct, tx.TenantId);
}
