using FluentValidation;
using FluentValidation.Results;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Contact data as a person or a file wrote it, before normalization.</summary>
public sealed record ContactInput(string? Name, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Emails, string? Address = null, string? Notes = null);

/// <summary>
/// Turns written contact data into the stored form: phones E.164 with the tenant's country, e-mails
/// trimmed and lower-case, duplicates dropped. Every problem names its field ("phones[1]").
/// </summary>
public static class CustomerContacts
{
    public const int MaxName = 200;
    public const int MaxPhones = 5;
    public const int MaxEmails = 5;
    public const int MaxAddress = 300;
    public const int MaxNotes = 4000;

    public static Task<string> CountryAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<string>("select country from tenants where tenant_id = $1", ct, tx.TenantId);

    /// <summary>The normalized contact, or a validation error listing every bad field.</summary>
    /// <param name="nameRequired">False for requests that may come without a name: the first phone or e-mail names the customer.</param>
    public static CustomerContact Normalize(ContactInput input, string country, bool nameRequired = true)
    {
        var (contact, failures) = TryNormalize(input, country, nameRequired);
        return failures.Count == 0 ? contact! : throw new ValidationException(failures);
    }

    public static (CustomerContact? Contact, IReadOnlyList<ValidationFailure> Failures) TryNormalize(ContactInput input, string country, bool nameRequired = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var failures = new List<ValidationFailure>();
        var phones = new List<string>();
        var emails = new List<string>();
        var written = input.Phones ?? [];
        if (written.Count > MaxPhones) failures.Add(new("phones", $"Puede tener como máximo {MaxPhones} teléfonos."));
        for (var i = 0; i < Math.Min(written.Count, MaxPhones); i++)
        {
            if (string.IsNullOrWhiteSpace(written[i])) continue;
            if (PhoneNumbers.TryNormalize(written[i], country) is { } phone) phones.Add(phone);
            else failures.Add(PhoneNumbers.Invalid($"phones[{i}]", country));
        }
        var addresses = input.Emails ?? [];
        if (addresses.Count > MaxEmails) failures.Add(new("emails", $"Puede tener como máximo {MaxEmails} correos."));
        for (var i = 0; i < Math.Min(addresses.Count, MaxEmails); i++)
        {
            if (string.IsNullOrWhiteSpace(addresses[i])) continue;
            var email = EmailAddresses.Normalize(addresses[i]);
            if (email.Length <= EmailAddresses.MaxLength && EmailAddresses.IsShaped(email)) emails.Add(email);
            else failures.Add(new($"emails[{i}]", "No es un correo electrónico válido."));
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 && !nameRequired) name = emails.FirstOrDefault() ?? phones.FirstOrDefault() ?? "";
        if (name.Length == 0) failures.Add(new("name", "Es obligatorio."));
        if (name.Length > MaxName) failures.Add(new("name", $"Debe tener como máximo {MaxName} caracteres."));
        var address = Optional(input.Address, "address", MaxAddress, failures);
        var notes = Optional(input.Notes, "notes", MaxNotes, failures);
        return failures.Count > 0
            ? (null, failures)
            : (new CustomerContact(name, [.. phones.Distinct(StringComparer.Ordinal)], [.. emails.Distinct(StringComparer.Ordinal)], address, notes), failures);
    }

    private static string? Optional(string? value, string field, int max, List<ValidationFailure> failures)
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > max) failures.Add(new(field, $"Debe tener como máximo {max} caracteres."));
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
