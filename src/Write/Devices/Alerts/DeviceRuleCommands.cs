using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Write.Devices.Alerts;

/// <summary>The rule's id and its stream's version (the ETag a change takes as If-Match).</summary>
public sealed record DeviceRuleChanged(Guid DeviceId, Guid RuleId, long Version);

[Authorize(Roles = "owner,admin")]
public sealed record AddDeviceRule(
    Guid DeviceId, string? Name, RuleKind? Kind, string? Sensor, IReadOnlyList<RuleLevelInput>? Levels, int? HoldSeconds, int? NoDataMinutes)
    : IRequest<DeviceRuleChanged>, IRuleInput;

/// <summary>Replaces the rule's definition; its open alert closes and evaluation starts over.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeDeviceRule(
    Guid DeviceId, Guid RuleId, string? Name, RuleKind? Kind, string? Sensor, IReadOnlyList<RuleLevelInput>? Levels, int? HoldSeconds,
    int? NoDataMinutes, long? ExpectedVersion = null)
    : IRequest<DeviceRuleChanged>, IRuleInput;

/// <summary>The rule stops; its open alert closes.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RemoveDeviceRule(Guid DeviceId, Guid RuleId, long? ExpectedVersion = null) : IRequest<DeviceRuleChanged>;

public sealed class AddDeviceRuleValidator : RuleInputValidator<AddDeviceRule>;

public sealed class ChangeDeviceRuleValidator : RuleInputValidator<ChangeDeviceRule>;
