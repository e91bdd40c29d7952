namespace Platform.Write.Domain;

/// <summary>
/// A business rule the request breaks. The Api maps each kind to its status in one place;
/// <see cref="Code"/> (English) becomes the problem type, so clients can tell errors apart without
/// parsing text; the message is for the person using the product, in Spanish.
/// </summary>
public class DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Rule) : Exception(message)
{
    public string Code { get; } = code;

    public DomainErrorKind Kind { get; } = kind;

    /// <summary>Extra members of the problem response (a limit, the current state).</summary>
    public IDictionary<string, object?> Details { get; } = new Dictionary<string, object?>();
}

public enum DomainErrorKind
{
    /// <summary>The request cannot be processed as sent (422).</summary>
    Rule,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>Nothing with that id exists for this tenant (404); another tenant's object is the same.</summary>
    NotFound,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The caller is not signed in, or its credentials no longer hold (401).</summary>
    Unauthenticated,
}

public sealed class NotFoundException(string what)
    : DomainException("not-found", $"No encontramos {what}.", DomainErrorKind.NotFound);

public sealed class AccessDeniedException(string message = "Tu rol no permite esta acción.")
    : DomainException("forbidden", message, DomainErrorKind.Forbidden);

public sealed class ConflictException(string code, string message)
    : DomainException(code, message, DomainErrorKind.Conflict);
