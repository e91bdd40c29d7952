using FluentValidation;

namespace Platform.Write.Tenancy;

/// <summary>Field rules shared by the tenancy commands; messages are for the person filling the form.</summary>
public static class TenancyRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;
    public const int MaxReasonLength = 500;

    public static IReadOnlyList<string> Industries { get; } = ["dealership", "real-estate", "retail", "clinic", "hospitality", "other"];

    public static IRuleBuilderOptions<T, string> TenantName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Es obligatorio.")
            .MaximumLength(MaxNameLength).WithMessage($"Debe tener como máximo {MaxNameLength} caracteres.");

    // Country, currency and time zone: the same lists at sign-up and in the settings, so a tenant
    // can never be changed into a profile it could not have registered with.
    public static IRuleBuilderOptions<T, string> CountryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(CountryCodes.IsKnown).WithMessage("Debe ser un código de país ISO 3166-1 de dos letras, por ejemplo MX.");

    public static IRuleBuilderOptions<T, string> CurrencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(CurrencyCodes.IsKnown).WithMessage("Debe ser un código de moneda ISO 4217, por ejemplo MXN.");

    public static IRuleBuilderOptions<T, string> TimeZoneId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(TimeZoneIds.IsKnown).WithMessage("Debe ser una zona horaria IANA, por ejemplo America/Mexico_City o UTC.");

    public static IRuleBuilderOptions<T, string> Industry<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(industry => Industries.Contains(industry)).WithMessage($"Debe ser uno de: {string.Join(", ", Industries)}.");

    public static IRuleBuilderOptions<T, string> Role<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Roles.IsKnown).WithMessage($"Debe ser uno de: {string.Join(", ", Roles.All)}.");

    public static IRuleBuilderOptions<T, string> Email<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Es obligatorio.")
            .MaximumLength(MaxEmailLength).WithMessage($"Debe tener como máximo {MaxEmailLength} caracteres.")
            .EmailAddress().WithMessage("No es un correo electrónico válido.");

    public static IRuleBuilderOptions<T, string> Reason<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Es obligatorio.")
            .MaximumLength(MaxReasonLength).WithMessage($"Debe tener como máximo {MaxReasonLength} caracteres.");

    /// <summary>Addresses are compared as stored: trimmed and lower-case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
