using System.Text.Json;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Devices;

/// <summary>A device's rules, oldest first (its profile's templates, then those added); null when the tenant has no such device.</summary>
[Authorize]
public sealed record ListDeviceRules(Guid TenantId, Guid DeviceId) : IRequest<IReadOnlyList<RuleView>?>;

/// <summary>One rule of a device, or null.</summary>
[Authorize]
public sealed record GetDeviceRule(Guid TenantId, Guid DeviceId, Guid RuleId) : IRequest<RuleView?>;

public sealed record RuleLevelView(string Severity, decimal? Above, decimal? Below);

/// <summary><see cref="Version"/> is the rule stream's version: the ETag a change or removal takes as If-Match.</summary>
public sealed record RuleView(
    Guid RuleId, Guid DeviceId, string Name, string Kind, string? Sensor, IReadOnlyList<RuleLevelView> Levels, int HoldSeconds, int NoDataMinutes,
    string? Template, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record RuleRow(Guid RuleId, Guid DeviceId, string Definition, string? Template, long Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public const string Select = """
        select rule_id as RuleId, device_id as DeviceId, definition::text as Definition, template as Template, version as Version,
               created_at as CreatedAt, updated_at as UpdatedAt
          from device_rules
        """;

    public RuleView ToView()
    {
        var d = JsonSerializer.Deserialize<StoredRule>(Definition, JsonSerializerOptions.Web)!;
        return new(RuleId, DeviceId, d.Name, d.Kind, d.Sensor, d.Levels ?? [], d.HoldSeconds, d.NoDataMinutes, Template, Version,
            new(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)), new(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)));
    }

    private sealed record StoredRule(string Name, string Kind, string? Sensor, IReadOnlyList<RuleLevelView>? Levels, int HoldSeconds, int NoDataMinutes);
}

public sealed class DeviceRuleListHandler(Tenancy.TenantReads reads)
    : IRequestHandler<ListDeviceRules, IReadOnlyList<RuleView>?>, IRequestHandler<GetDeviceRule, RuleView?>
{
    public async Task<IReadOnlyList<RuleView>?> Handle(ListDeviceRules request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync<IReadOnlyList<RuleView>?>(request.TenantId, async (connection, tx) =>
        {
            var device = new { tenant = request.TenantId, device = request.DeviceId };
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select from devices where tenant_id = @tenant and device_id = @device)", device, tx, cancellationToken: cancellationToken)))
                return null;
            var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
                $"{RuleRow.Select} where tenant_id = @tenant and device_id = @device order by rule_id", device, tx, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToView())];
        }, cancellationToken);
    }

    public async Task<RuleView?> Handle(GetDeviceRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<RuleRow>(new CommandDefinition(
            $"{RuleRow.Select} where tenant_id = @tenant and device_id = @device and rule_id = @rule",
            new { tenant = request.TenantId, device = request.DeviceId, rule = request.RuleId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        return row?.ToView();
    }
}
