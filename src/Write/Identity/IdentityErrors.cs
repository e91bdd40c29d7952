using Platform.Write.Domain;

namespace Platform.Write.Identity;

public static class IdentityErrors
{
    public static DomainException SlugTaken() =>
        Field(new ConflictException("slug-taken", "Ese identificador ya está en uso; elige otro."), "slug");

    /// <summary>Says the address cannot be used, not that an account has it; see the sign-up notes on enumeration.</summary>
    public static DomainException EmailUnavailable() =>
        Field(new ConflictException("email-unavailable", "No se puede crear una cuenta con ese correo."), "email");

    /// <summary>The one answer for an unknown address, a wrong password and a deactivated user.</summary>
    public static DomainException InvalidCredentials() =>
        new("invalid-credentials", "El correo o la contraseña no son correctos.", DomainErrorKind.Unauthenticated);

    public static DomainException SessionEnded() =>
        new("session-ended", "La sesión ya no es válida; inicia sesión de nuevo.", DomainErrorKind.Unauthenticated);

    /// <summary>Malformed, unknown, used and expired tokens all answer this, so it tells nothing about accounts.</summary>
    public static DomainException InvalidResetToken() =>
        Field(new DomainException("invalid-reset-token", "El enlace para restablecer la contraseña no es válido o ya venció."), "token");

    public static DomainException SessionNotFound() => new NotFoundException("la sesión");

    private static DomainException Field(DomainException error, string field)
    {
        error.Details["errors"] = new Dictionary<string, string[]> { [field] = [error.Message] };
        return error;
    }
}
