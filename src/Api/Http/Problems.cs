using Microsoft.AspNetCore.Mvc;
using Platform.Write.Domain;

namespace Platform.Api.Http;

/// <summary>The problem responses the platform answers with; <c>type</c> names the error in English, the text is Spanish.</summary>
public static class Problems
{
    public const string UnreadableValue = "El valor no tiene el formato esperado.";

    public static string TypeOf(string code) => $"/problems/{code}";

    public static ProblemDetails Validation(IDictionary<string, string[]> errors)
    {
        var problem = Status(400, "validation", "La solicitud tiene datos inválidos.");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    public static ProblemDetails VersionMismatch(long actualVersion, bool fromIfMatch)
    {
        var problem = fromIfMatch
            ? Status(412, "precondition-failed", "El recurso cambió desde que lo leíste; vuelve a cargarlo.")
            : Status(409, "concurrency-conflict", "Otra persona cambió este recurso al mismo tiempo; vuelve a intentarlo.");
        problem.Extensions["currentVersion"] = actualVersion;
        return problem;
    }

    public static ProblemDetails Domain(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Kind switch
        {
            DomainErrorKind.Conflict => 409,
            DomainErrorKind.NotFound => 404,
            DomainErrorKind.Forbidden => 403,
            DomainErrorKind.Unauthenticated => 401,
            _ => 422,
        };
        var problem = Status(status, error.Code, error.Message);
        foreach (var (name, value) in error.Details) problem.Extensions[name] = value;
        return problem;
    }

    public static ProblemDetails Unexpected() => Status(500, "unexpected", "Ocurrió un error inesperado; ya quedó registrado.");

    public static ProblemDetails Status(int status, string code, string detail) => new()
    {
        Status = status,
        Type = TypeOf(code),
        Title = TitleOf(status),
        Detail = detail,
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "Solicitud inválida",
        401 => "No autenticado",
        403 => "Sin permiso",
        404 => "No encontrado",
        405 => "Método no permitido",
        409 => "Conflicto",
        412 => "Versión desactualizada",
        413 => "Solicitud demasiado grande",
        415 => "Tipo de contenido no soportado",
        422 => "No se puede procesar",
        429 => "Demasiadas solicitudes",
        _ => "Error del servidor",
    };
}
