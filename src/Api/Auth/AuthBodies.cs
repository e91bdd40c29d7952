namespace Platform.Api.Auth;

// Request bodies as clients send them. Endpoints build the commands from these and from the
// connection (address, user agent); ids, roles and plans never come from a body.

public sealed record RegisterBody(
    string? Name, string? Slug, string? Country, string? TimeZone, string? Currency, string? Industry,
    string? DisplayName, string? Email, string? Password);

public sealed record LoginBody(string? Email, string? Password);

public sealed record RefreshTokenBody(string? RefreshToken);

public sealed record ForgotPasswordBody(string? Email);

public sealed record ResetPasswordBody(string? Token, string? NewPassword);

/// <summary>The same answer for every address, so it tells nobody whether an account exists.</summary>
public sealed record PasswordResetRequested(string Message)
{
    public static PasswordResetRequested Instance { get; } =
        new("Si el correo corresponde a una cuenta activa, enviaremos instrucciones para restablecer la contraseña.");
}
