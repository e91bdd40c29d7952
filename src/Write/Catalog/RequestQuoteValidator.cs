using FluentValidation;

namespace Platform.Write.Catalog;

/// <summary>The size caps and rules of a quote request; the messages are for the buyer filling the form.</summary>
public static class QuoteRules
{
    public const int MaxName = 120;
    public const int MaxPhone = 30;
    public const int MaxEmail = 254;
    public const int MaxMessage = 2000;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Digits with the usual separators, and at least seven digits: "+57 (604) 444-1234".</summary>
    public static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')
            && trimmed.Count(char.IsAsciiDigit) is >= 7 and <= 15
            && trimmed.LastIndexOf('+') <= 0;
    }
}

public sealed class RequestQuoteValidator : AbstractValidator<RequestQuote>
{
    public RequestQuoteValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Escribe tu nombre.")
            .Must(n => n.Trim().Length >= 2).WithMessage("Escribe tu nombre (al menos 2 letras).")
            .MaximumLength(QuoteRules.MaxName).WithMessage($"El nombre puede tener hasta {QuoteRules.MaxName} caracteres.");
        RuleFor(r => r.Phone).Cascade(CascadeMode.Stop)
            .MaximumLength(QuoteRules.MaxPhone).WithMessage($"El teléfono puede tener hasta {QuoteRules.MaxPhone} caracteres.")
            .Must(QuoteRules.IsPhone).When(r => !string.IsNullOrWhiteSpace(r.Phone))
            .WithMessage("Escribe un teléfono válido, solo números (puede empezar con +).");
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(QuoteRules.MaxEmail).WithMessage($"El correo puede tener hasta {QuoteRules.MaxEmail} caracteres.")
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.Email)).WithMessage("Escribe un correo electrónico válido.");
        RuleFor(r => r.Phone)
            .Must((request, _) => !string.IsNullOrWhiteSpace(request.Phone) || !string.IsNullOrWhiteSpace(request.Email))
            .WithMessage("Deja un teléfono o un correo electrónico para que te contacten.");
        RuleFor(r => r.Message)
            .MaximumLength(QuoteRules.MaxMessage).WithMessage($"El mensaje puede tener hasta {QuoteRules.MaxMessage} caracteres.");
        RuleFor(r => r.Consent).Equal(true)
            .WithMessage("Para enviar la solicitud debes aceptar que el vendedor use tus datos para contactarte.");
        RuleFor(r => r.Source).Must(s => s is QuoteSources.CatalogPage or QuoteSources.PublicApi);
        RuleFor(r => r.ListingId).NotEqual(Guid.Empty).WithMessage("Falta la publicación.");
    }
}
