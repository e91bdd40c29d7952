using FluentValidation;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

public sealed class RegisterTenantValidator : AbstractValidator<RegisterTenant>
{
    public RegisterTenantValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe el nombre de la empresa.")
            .MaximumLength(TenancyRules.MaxNameLength).WithMessage($"Usa como máximo {TenancyRules.MaxNameLength} caracteres.");
        RuleFor(r => r.Slug).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Escribe un identificador.")
            .Length(TenantProfileRules.SlugMinLength, TenantProfileRules.SlugMaxLength)
            .WithMessage($"Usa entre {TenantProfileRules.SlugMinLength} y {TenantProfileRules.SlugMaxLength} caracteres.")
            .Must(TenantProfileRules.IsSlugShaped).WithMessage("Usa solo minúsculas, números y guiones (sin guion al inicio ni al final).")
            .Must(s => !TenantProfileRules.IsReservedSlug(s)).WithMessage("Ese identificador está reservado; elige otro.");
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.TimeZone).TimeZoneId();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Industry).Industry();
        RuleFor(r => r.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe tu nombre.")
            .MaximumLength(TenancyRules.MaxDisplayNameLength).WithMessage($"Usa como máximo {TenancyRules.MaxDisplayNameLength} caracteres.");
        RuleFor(r => r.Email).AccountEmail();
        RuleFor(r => r.Password).NewPassword();
    }
}

/// <summary>Rules shared by every request that takes an address or a new password.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> AccountEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(e => EmailAddresses.Normalize(e).Length > 0).WithMessage("Escribe tu correo.")
            .Must(e => EmailAddresses.Normalize(e).Length <= EmailAddresses.MaxLength)
            .WithMessage($"Usa como máximo {EmailAddresses.MaxLength} caracteres.")
            .Must(e => EmailAddresses.IsShaped(EmailAddresses.Normalize(e))).WithMessage("Escribe un correo válido.");

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Escribe una contraseña.")
            .Length(Passwords.MinLength, Passwords.MaxLength)
            .WithMessage($"La contraseña debe tener entre {Passwords.MinLength} y {Passwords.MaxLength} caracteres.");
}
