using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices.Alerts;

public sealed class AddDeviceRuleHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, TimeProvider time)
    : IRequestHandler<AddDeviceRule, DeviceRuleChanged>
{
    public async Task<DeviceRuleChanged> Handle(AddDeviceRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var definition = request.ToDefinition();
        await DeviceRuleChecks.EnsureDeviceAsync(tx, request.DeviceId, definition, cancellationToken);
        if (await RuleRows.LockAndCountAsync(tx, request.DeviceId, cancellationToken) >= RuleRows.MaxRulesPerDevice)
            throw new DomainException("rule-limit", $"Un dispositivo tiene hasta {RuleRows.MaxRulesPerDevice} reglas.");

        var ruleId = Guid.CreateVersion7();
        var events = Rule.Decide(null, new Rule.Add(request.DeviceId, ruleId, definition));
        var result = await append.AppendAsync(tx, RuleEvents.Stream(ruleId), ExpectedVersion.NoStream, events.Select(context.Event).ToList(), cancellationToken);
        await RuleRows.InsertAsync(tx, (RuleAdded)events[0], result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new DeviceRuleChanged(request.DeviceId, ruleId, result.StreamVersion);
    }
}

public sealed class ChangeDeviceRuleHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<ChangeDeviceRule, DeviceRuleChanged>, IRequestHandler<RemoveDeviceRule, DeviceRuleChanged>
{
    public Task<DeviceRuleChanged> Handle(ChangeDeviceRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = request.ToDefinition();
        return ApplyAsync(request.DeviceId, request.RuleId, request.ExpectedVersion, definition, new Rule.Change(definition), cancellationToken);
    }

    public Task<DeviceRuleChanged> Handle(RemoveDeviceRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApplyAsync(request.DeviceId, request.RuleId, request.ExpectedVersion, null, new Rule.Remove(), cancellationToken);
    }

    private async Task<DeviceRuleChanged> ApplyAsync(
        Guid deviceId, Guid ruleId, long? expected, RuleDefinition? definition, Rule.Command command, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(context.Tenant, ct);
        var stream = RuleEvents.Stream(ruleId);
        var (history, version) = await tx.ReadStreamAsync(serializer, stream, ct);
        var state = Rule.Fold(history);
        if (state is null || state.DeviceId != deviceId) throw new NotFoundException("la regla");
        tx.EnsureExpected(stream, expected, version);
        if (definition is not null) await DeviceRuleChecks.EnsureDeviceAsync(tx, deviceId, definition, ct);

        var events = Rule.Decide(state, command);
        if (events.Count == 0) return new DeviceRuleChanged(deviceId, ruleId, version);
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), ct);
        await RuleRows.UpdateAsync(tx, events.Aggregate((RuleState?)state, Rule.Evolve)!, result.StreamVersion, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return new DeviceRuleChanged(deviceId, ruleId, result.StreamVersion);
    }
}

internal static class DeviceRuleChecks
{
    /// <summary>The device is the tenant's, not revoked, and has the rule's sensor.</summary>
    public static async Task EnsureDeviceAsync(TenantTransaction tx, Guid deviceId, RuleDefinition rule, CancellationToken ct)
    {
        var device = await RuleRows.DeviceAsync(tx, deviceId, ct) ?? throw new NotFoundException("el dispositivo");
        if (device.Status == "revoked") throw new ConflictException("device-revoked", "El dispositivo está revocado; registra uno nuevo.");
        if (rule.Sensor is { } sensor && !device.Sensors.Contains(sensor, StringComparer.Ordinal))
            throw new ValidationException([new ValidationFailure("sensor",
                device.Sensors.Count == 0 ? "El dispositivo no declara sensores." : $"El dispositivo no tiene ese sensor; tiene: {string.Join(", ", device.Sensors)}.")]);
    }
}
