using Npgsql;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Admin;

/// <summary>
/// Projections and other machinery span every tenant, so /api/admin belongs to the platform's
/// operators: the owners and admins of the tenant named by Platform:Operators:TenantSlug. Anyone
/// else, whatever their role in their own tenant, gets 404, as if /api/admin did not exist.
/// Platform operators (platform-admin, no tenant; see Platform.Write.Operators) are operators too.
/// </summary>
public sealed class OperatorTenant(NpgsqlDataSource system, IConfiguration configuration)
{
    private Guid? tenantId;

    public async Task EnsureOperatorAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsOperator) return;
        var operatorTenant = await ResolveAsync(ct);
        if (operatorTenant is null || context.TenantId != operatorTenant) throw new NotFoundException("el recurso");
    }

    private async Task<Guid?> ResolveAsync(CancellationToken ct)
    {
        if (tenantId is not null) return tenantId;
        var slug = configuration["Platform:Operators:TenantSlug"];
        if (string.IsNullOrWhiteSpace(slug)) return null;
        // The system connection: the slug must be found before any tenant is set.
        await using var command = system.CreateCommand("select tenant_id from tenants where slug = $1");
        command.Parameters.Add(new() { Value = slug });
        tenantId = await command.ExecuteScalarAsync(ct) as Guid?;
        return tenantId;
    }
}
