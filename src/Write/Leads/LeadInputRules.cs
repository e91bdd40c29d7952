using FluentValidation;
using FluentValidation.Results;
using Platform.Write.Customers;
using Platform.Write.Identity;

namespace Platform.Write.Leads;

/// <summary>A lead as a person or a system sends it: by hand, or through the webhook.</summary>
public interface ILeadInput
{
    string? Name { get; }
    string? Phone { get; }
    string? Email { get; }
    string? Message { get; }
    string? Campaign { get; }
    Guid? ListingId { get; }
    decimal? Budget { get; }
    string? Timeline { get; }
}

/// <summary>Size caps and rules of a lead's fields, and its contact in the stored form.</summary>
public static class LeadInputRules
{
    public const int MaxName = 200;
    public const int MaxMessage = 2000;
    public const int MaxCampaign = 100;
    public const decimal MaxBudget = 999_999_999_999m;

    /// <summary>
    /// Phone E.164 with the tenant's country, e-mail lower-case. <paramref name="strict"/>: a phone or e-mail
    /// that cannot be read is an error naming it; otherwise (a buyer's quote, already accepted) it is left out.
    /// </summary>
    public static CustomerContact Contact(string? name, string? phone, string? email, string country, bool strict)
    {
        var failures = new List<ValidationFailure>();
        string? e164 = null, address = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            e164 = PhoneNumbers.TryNormalize(phone, country);
            if (e164 is null && strict) failures.Add(PhoneNumbers.Invalid("phone", country));
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = EmailAddresses.Normalize(email);
            if (normalized.Length <= EmailAddresses.MaxLength && EmailAddresses.IsShaped(normalized)) address = normalized;
            else if (strict) failures.Add(new("email", "No es un correo electrónico válido."));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length > MaxName) trimmed = trimmed[..MaxName];
        if (trimmed.Length == 0) trimmed = address ?? e164 ?? "";
        return new CustomerContact(trimmed, e164 is null ? [] : [e164], address is null ? [] : [address], null, null);
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    /// <summary>Text PostgreSQL can store: no NUL, no lone surrogate (the webhook's body skips the Api's JSON checks).</summary>
    public static bool Storable(string? value)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}

public sealed class LeadInputValidator : AbstractValidator<ILeadInput>
{
    private const string Unstorable = "Tiene caracteres que no se pueden guardar.";

    public LeadInputValidator()
    {
        RuleFor(l => l.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Es obligatorio.")
            .MaximumLength(LeadInputRules.MaxName).WithMessage($"Debe tener como máximo {LeadInputRules.MaxName} caracteres.");
        RuleFor(l => l.Phone).MaximumLength(PhoneNumbers.MaxInputLength).WithMessage($"Debe tener como máximo {PhoneNumbers.MaxInputLength} caracteres.");
        RuleFor(l => l.Email).MaximumLength(EmailAddresses.MaxLength).WithMessage($"Debe tener como máximo {EmailAddresses.MaxLength} caracteres.");
        RuleFor(l => l.Phone).Must((l, _) => !string.IsNullOrWhiteSpace(l.Phone) || !string.IsNullOrWhiteSpace(l.Email))
            .WithMessage("Hace falta un teléfono o un correo electrónico.");
        RuleFor(l => l.Message).MaximumLength(LeadInputRules.MaxMessage).WithMessage($"Debe tener como máximo {LeadInputRules.MaxMessage} caracteres.");
        RuleFor(l => l.Campaign).MaximumLength(LeadInputRules.MaxCampaign).WithMessage($"Debe tener como máximo {LeadInputRules.MaxCampaign} caracteres.");
        RuleFor(l => l.Budget).InclusiveBetween(0, LeadInputRules.MaxBudget).WithMessage("Debe ser un monto entre 0 y 999.999.999.999.");
        RuleFor(l => l.Timeline).Must(t => t is null || LeadTimelines.All.Contains(t))
            .WithMessage($"Debe ser uno de: {string.Join(", ", LeadTimelines.All)}.");
        RuleFor(l => l.ListingId).NotEqual(Guid.Empty).WithMessage("No es una publicación.");
        RuleFor(l => l.Name).Must(LeadInputRules.Storable).WithMessage(Unstorable);
        RuleFor(l => l.Phone).Must(LeadInputRules.Storable).WithMessage(Unstorable);
        RuleFor(l => l.Email).Must(LeadInputRules.Storable).WithMessage(Unstorable);
        RuleFor(l => l.Message).Must(LeadInputRules.Storable).WithMessage(Unstorable);
        RuleFor(l => l.Campaign).Must(LeadInputRules.Storable).WithMessage(Unstorable);
    }
}
