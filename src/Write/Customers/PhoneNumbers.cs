using FluentValidation;
using FluentValidation.Results;

namespace Platform.Write.Customers;

/// <summary>
/// Phone numbers in E.164 (+5215512345678 is written +525512345678): numbers written the way people
/// write them at home are read with the tenant's country; numbers with a +code (or 00) with theirs.
/// </summary>
public static class PhoneNumbers
{
    public const int MaxInputLength = 40;

    /// <summary>The E.164 form of <paramref name="input"/>, or null when it is not a phone number we can place.</summary>
    public static string? TryNormalize(string? input, string? country)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength) return null;
        var trimmed = input.Trim();
        if (!trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/') || trimmed.LastIndexOf('+') > 0) return null;
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (digits.Length is < 7 or > 17) return null;
        PhoneCountries.ByIso.TryGetValue(Tenancy.CountryCodes.Normalize(country), out var home);

        if (trimmed.StartsWith('+')) return International(digits);
        if (digits.StartsWith("00", StringComparison.Ordinal) && home?.CallingCode != "1") return International(digits[2..]);
        if (digits.StartsWith("011", StringComparison.Ordinal) && home?.CallingCode == "1") return International(digits[3..]);
        if (home is null) return null;
        if (home.Significant(digits) is { } national) return "+" + home.CallingCode + national;
        // The country's own code written without the +: "57 300 555 1234".
        return digits.StartsWith(home.CallingCode, StringComparison.Ordinal) && home.Significant(digits[home.CallingCode.Length..]) is { } rest
            ? "+" + home.CallingCode + rest
            : null;
    }

    /// <summary>The E.164 form, or a validation error naming <paramref name="field"/>.</summary>
    public static string Normalize(string? input, string? country, string field) =>
        TryNormalize(input, country) ?? throw new ValidationException([Invalid(field, country)]);

    public static ValidationFailure Invalid(string field, string? country) => new(field,
        PhoneCountries.ByIso.ContainsKey(Tenancy.CountryCodes.Normalize(country))
            ? "No es un teléfono válido; escríbelo con su código de área o con el código de país, por ejemplo +52 55 1234 5678."
            : "No es un teléfono válido; escríbelo con el código de país, por ejemplo +52 55 1234 5678.");

    private static string? International(string digits)
    {
        if (digits.StartsWith('0')) return null;
        var country = PhoneCountries.ByCallingCode(digits);
        if (country is null) return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        return country.Significant(digits[country.CallingCode.Length..]) is { } national ? "+" + country.CallingCode + national : null;
    }
}
