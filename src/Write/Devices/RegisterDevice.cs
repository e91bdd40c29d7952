using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices;

/// <summary>Registers a device with its profile's rules; answers its broker credentials, shown this once. The plan limits the device count.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RegisterDevice(string Name, DeviceProfile? Profile, IReadOnlyList<DeviceSensor>? Sensors) : IRequest<DeviceCredentials>;

public sealed class RegisterDeviceValidator : AbstractValidator<RegisterDevice>
{
    public const int MaxSensors = 8;

    public RegisterDeviceValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(80).Must(n => n is null || !n.Any(char.IsControl))
            .WithMessage("No puede tener caracteres de control.");
        RuleFor(c => c.Profile).NotNull().IsInEnum();
        RuleFor(c => c.Sensors).Cascade(CascadeMode.Stop)
            .Must(s => s is null || s.Count <= MaxSensors).WithMessage($"Hasta {MaxSensors} sensores.")
            .Must(s => s is null || s.All(x => x is not null)).WithMessage("Ningún sensor puede ser nulo.")
            .Must(s => s is null || s.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == s.Count).WithMessage("Hay sensores repetidos.");
        RuleFor(c => c.Sensors).Must(s => s is { Count: > 0 }).When(c => c.Profile == DeviceProfile.Custom)
            .WithMessage("Un dispositivo personalizado debe declarar sus sensores.");
        RuleForEach(c => c.Sensors).NotNull().ChildRules(sensor =>
        {
            sensor.RuleFor(s => s.Name).NotEmpty().Matches("^[a-z][a-z0-9_]{0,22}$")
                .WithMessage("Minúsculas, dígitos y _, empezando por una letra; hasta 23 caracteres.");
            sensor.RuleFor(s => s.Unit).NotEmpty().MaximumLength(7).Must(u => u is null || u.All(c => c is > ' ' and < '\u007f'))
                .WithMessage("Hasta 7 caracteres visibles (ASCII), por ejemplo C o %RH.");
        });
    }
}

public sealed class RegisterDeviceHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, TimeProvider time)
    : IRequestHandler<RegisterDevice, DeviceCredentials>
{
    public async Task<DeviceCredentials> Handle(RegisterDevice request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await DeviceRows.LockInventoryAsync(tx, cancellationToken);
        var plan = await DeviceRows.PlanAsync(tx, cancellationToken);
        var held = await DeviceRows.ActiveAsync(tx, cancellationToken);

        var id = Guid.CreateVersion7();
        var events = Device.Decide(null, new Device.Register(id, request.Name, request.Profile!.Value, request.Sensors ?? [], plan, held));
        var state = Device.Fold(events)!;
        var rules = ProfileRules.For(state);
        var result = (await append.AppendAsync(tx, [
            new StreamAppend(tx.TenantId, DeviceEvents.RegistryStream(id), ExpectedVersion.NoStream, events.Select(context.Event).ToList()),
            .. ProfileRules.Appends(tx.TenantId, rules, context.Event)], cancellationToken))[0];
        var secret = DeviceSecrets.Generate();
        await DeviceRows.InsertAsync(tx, state, DeviceSecrets.Hash(secret), result.StreamVersion, time.GetUtcNow(), cancellationToken);
        await ProfileRules.InsertAsync(tx, rules, time.GetUtcNow(), cancellationToken);
        await DeviceRows.NotifyAsync(tx, id, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new DeviceCredentials(id, tx.TenantId, state.Username, secret, DeviceTopics.Of(tx.TenantId, id), result.StreamVersion);
    }
}
