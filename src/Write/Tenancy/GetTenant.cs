using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;

namespace Platform.Write.Tenancy;

/// <summary>
/// The signed-in user's tenant, with its plan's limits beside what it uses. Kept on the write side
/// because the limits are the plans the commands enforce, and a deactivated tenant may still ask.
/// </summary>
[Authorize]
[AllowInactiveTenant]
public sealed record GetTenant : IRequest<TenantSummary>;

/// <summary><see cref="Version"/> is the tenant stream's version: the ETag settings changes send back as If-Match.</summary>
public sealed record TenantSummary(
    Guid TenantId, string Name, string Slug, string Country, string TimeZone, string Currency, string Industry,
    string Plan, string Status, IReadOnlyList<PlanUsage> Usage, long Version);

/// <summary>How much of a plan resource the tenant uses; <see cref="Limit"/> is null when the plan has none.</summary>
public sealed record PlanUsage(string Resource, long Used, int? Limit);

public sealed class GetTenantHandler(CommandContext context, TenantDatabase database) : IRequestHandler<GetTenant, TenantSummary>
{
    public async Task<TenantSummary> Handle(GetTenant request, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await using var command = tx.Command(
            "select slug, name, country, time_zone, currency, industry, plan, status, version from tenants where tenant_id = $1",
            tx.TenantId);
        TenantSummary summary;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) throw new NotFoundException("la empresa");
            summary = new TenantSummary(
                tx.TenantId, reader.GetString(1), reader.GetString(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), [], reader.GetInt64(8));
        }
        var usage = await Membership.UsageAsync(tx, cancellationToken);
        var plan = Plans.All.FirstOrDefault(p => p.Name == summary.Plan);
        return summary with
        {
            Usage = PlanResources.All
                .Select(resource => new PlanUsage(resource, usage.GetValueOrDefault(resource), plan?.LimitOf(resource)))
                .ToList(),
        };
    }
}
