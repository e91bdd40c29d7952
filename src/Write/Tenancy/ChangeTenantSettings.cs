using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using MediatR;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>Replaces the tenant's name, country, time zone, currency and industry. Answers the new version.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeTenantSettings(
    string Name, string Country, string TimeZone, string Currency, string Industry, long? ExpectedVersion = null) : IRequest<long>;

public sealed class ChangeTenantSettingsValidator : AbstractValidator<ChangeTenantSettings>
{
    public ChangeTenantSettingsValidator()
    {
        RuleFor(c => c.Name).TenantName();
        RuleFor(c => c.Country).CountryCode();
        RuleFor(c => c.TimeZone).TimeZoneId();
        RuleFor(c => c.Currency).CurrencyCode();
        RuleFor(c => c.Industry).Industry();
    }
}

public sealed class ChangeTenantSettingsHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : TenantCommandHandler<ChangeTenantSettings>(context, database, append, serializer, time)
{
    protected override long? ExpectedVersionOf(ChangeTenantSettings request) => request.ExpectedVersion;

    protected override Task<Tenant.Command> DecisionAsync(ChangeTenantSettings request, TenantTransaction tx, CancellationToken ct) =>
        Task.FromResult<Tenant.Command>(new Tenant.ChangeSettings(
            new TenantProfile(request.Name.Trim(), CountryCodes.Normalize(request.Country), request.TimeZone,
                CurrencyCodes.Normalize(request.Currency), request.Industry)));
}
