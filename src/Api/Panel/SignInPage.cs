using Platform.Api.Public;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Api.Panel;

/// <summary>What was typed in the sign-in form (never the password) and what went wrong, by field (email, password) or for the form ("").</summary>
internal sealed record SignInState(string Email, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SignInState Empty { get; } = new("", new Dictionary<string, string[]>());
}

internal static class SignInPage
{
    public static Markup Render(SignInState state, string antiforgery)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problem = state.Errors.GetValueOrDefault("")?.FirstOrDefault();
        var body = Html.Of($"""
            <form class="signin" method="post" action="{PanelAddresses.SignIn}" novalidate>
            <h1>Ingresa al panel</h1>
            {Html.When(problem is not null, () => Html.Of($"<p class=\"error\" id=\"error-form\" role=\"alert\">{problem}</p>"))}
            <input type="hidden" name="{PanelAntiforgery.FormField}" value="{antiforgery}">
            <label for="signin-email">Correo electrónico<input id="signin-email" name="email" type="email" value="{state.Email}" maxlength="{EmailAddresses.MaxLength}" autocomplete="username" required>{Errors("email", state)}</label>
            <label for="signin-password">Contraseña<input id="signin-password" name="password" type="password" maxlength="{Passwords.MaxLength}" autocomplete="current-password" required>{Errors("password", state)}</label>
            <button type="submit">Ingresar</button>
            </form>
            """);
        return PanelLayout.Render("Ingresar al panel", body);
    }

    private static Markup Errors(string field, SignInState state) =>
        state.Errors.TryGetValue(field, out var messages)
            ? Html.Join(messages.Select(m => Html.Of($"<span class=\"error\" id=\"error-{field}\">{m}</span>")))
            : Markup.Empty;
}
