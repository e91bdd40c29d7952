using Platform.Write.Catalog;

namespace Platform.Api.Public;

/// <summary>What the buyer typed in the quote form, and what was wrong with it (by field: name, phone, email, message, consent).</summary>
internal sealed record QuoteFormState(
    string Name, string Phone, string Email, string Message, bool Consent, IReadOnlyDictionary<string, string[]> Errors)
{
    public static QuoteFormState For(string title) =>
        new("", "", "", $"Hola, me interesa «{title}». ¿Sigue disponible?", false, new Dictionary<string, string[]>());
}

/// <summary>
/// The quote form: a plain POST that works without a script. The "website" field is a trap for
/// bots, hidden from people and from screen readers; whatever fills it is thanked and forgotten.
/// </summary>
internal static class QuoteForm
{
    public const string Honeypot = "website";

    public static Markup Render(string action, QuoteFormState form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Html.Of($"""
            <form class="quote" method="post" action="{action}" id="cotizar" novalidate>
            <h2>Pide una cotización</h2>
            {Html.When(form.Errors.Count > 0, () => new Markup("<p class=\"error\" role=\"alert\">Revisa los datos marcados e inténtalo de nuevo.</p>"))}
            {Field("name", "Nombre", Html.Of($"<input id=\"quote-name\" name=\"name\" value=\"{form.Name}\" maxlength=\"{QuoteRules.MaxName}\" autocomplete=\"name\" required>"), form)}
            {Field("phone", "Teléfono o WhatsApp", Html.Of($"<input id=\"quote-phone\" name=\"phone\" type=\"tel\" value=\"{form.Phone}\" maxlength=\"{QuoteRules.MaxPhone}\" autocomplete=\"tel\">"), form)}
            {Field("email", "Correo electrónico", Html.Of($"<input id=\"quote-email\" name=\"email\" type=\"email\" value=\"{form.Email}\" maxlength=\"{QuoteRules.MaxEmail}\" autocomplete=\"email\">"), form)}
            {Field("message", "Mensaje", Html.Of($"<textarea id=\"quote-message\" name=\"message\" rows=\"4\" maxlength=\"{QuoteRules.MaxMessage}\">{form.Message}</textarea>"), form)}
            <div class="trap" aria-hidden="true"><label>No llenes este campo <input name="{Honeypot}" tabindex="-1" autocomplete="off"></label></div>
            <label class="consent"><input id="quote-consent" type="checkbox" name="consent" value="true"{new Markup(form.Consent ? " checked" : "")} required>
            <span>Acepto que el vendedor use mis datos para contactarme sobre esta publicación.</span></label>
            {Errors("consent", form)}
            <button type="submit">Enviar solicitud</button>
            </form>
            """);
    }

    private static Markup Field(string name, string label, Markup input, QuoteFormState form) =>
        Html.Of($"<label for=\"quote-{name}\">{label}{input}{Errors(name, form)}</label>");

    private static Markup Errors(string field, QuoteFormState form) =>
        form.Errors.TryGetValue(field, out var messages)
            ? Html.Join(messages.Select(m => Html.Of($"<span class=\"error\" id=\"error-{field}\">{m}</span>")))
            : Markup.Empty;
}
