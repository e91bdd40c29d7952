using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices;

/// <summary>Issues a new secret (shown this once); the old one stops working on the broker and over HTTP.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RotateDeviceCredentials(Guid DeviceId, long? ExpectedVersion = null) : IRequest<DeviceCredentials>;

/// <summary>The device may no longer connect or send readings; answers the registry stream's new version.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RevokeDevice(Guid DeviceId, string? Reason, long? ExpectedVersion = null) : IRequest<long>;

public sealed class RevokeDeviceValidator : AbstractValidator<RevokeDevice>
{
    public RevokeDeviceValidator() => RuleFor(c => c.Reason).MaximumLength(200);
}

public sealed class RotateDeviceCredentialsHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<RotateDeviceCredentials, DeviceCredentials>
{
    public async Task<DeviceCredentials> Handle(RotateDeviceCredentials request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = DeviceSecrets.Generate();
        var (tenant, version) = await DeviceChange.ApplyAsync(context, database, append, serializer, time, request.DeviceId, request.ExpectedVersion,
            new Device.RotateCredentials(), DeviceSecrets.Hash(secret), cancellationToken);
        return new DeviceCredentials(request.DeviceId, tenant, Device.UsernameOf(request.DeviceId), secret, DeviceTopics.Of(tenant, request.DeviceId), version);
    }
}

public sealed class RevokeDeviceHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<RevokeDevice, long>
{
    public async Task<long> Handle(RevokeDevice request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await DeviceChange.ApplyAsync(context, database, append, serializer, time, request.DeviceId, request.ExpectedVersion,
            new Device.Revoke(request.Reason), null, cancellationToken)).Version;
    }
}

/// <summary>Load the registry stream, decide, append, mirror into the devices row and tell the workers, in one transaction.</summary>
internal static class DeviceChange
{
    public static async Task<(Guid Tenant, long Version)> ApplyAsync(
        CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time,
        Guid deviceId, long? expected, Device.Command command, string? secretHash, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(context.Tenant, ct);
        var stream = DeviceEvents.RegistryStream(deviceId);
        var (history, version) = await tx.ReadStreamAsync(serializer, stream, ct);
        var state = Device.Fold(history) ?? throw new NotFoundException("el dispositivo");
        if (expected is { } exact && exact != version)
            throw new WrongExpectedVersionException(tx.TenantId, stream, ExpectedVersion.Exact(exact), version);
        var events = Device.Decide(state, command);
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), ct);
        await DeviceRows.UpdateAsync(tx, events.Aggregate((DeviceState?)state, Device.Evolve)!, secretHash, result.StreamVersion, time.GetUtcNow(), ct);
        await DeviceRows.NotifyAsync(tx, deviceId, ct);
        await tx.CommitAsync(ct);
        return (tx.TenantId, result.StreamVersion);
    }
}
