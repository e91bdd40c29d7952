using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Platform.Write.Domain;
using Platform.Write.EventStore;

namespace Platform.Api.Http;

/// <summary>
/// The one place where errors become RFC 9457 problem+json. Bad input is a 4xx naming the
/// field; a broken domain rule is 409 or 422 by its kind; only our own faults are 500.
/// </summary>
internal sealed partial class ProblemResponses(IProblemDetailsService problems, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(httpContext, exception);
        if (problem.Status >= 500) Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(HttpContext http, Exception exception) => exception switch
    {
        ValidationException invalid => Problems.Validation(invalid.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "body" : e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        BadHttpRequestException bad => BadRequest(bad),
        JsonException json => Problems.Validation(new Dictionary<string, string[]> { [FieldOf(json)] = [Problems.UnreadableValue] }),
        WrongExpectedVersionException wrong => Problems.VersionMismatch(wrong.ActualVersion, http.Request.Headers.IfMatch.Count > 0),
        InvalidAppendException invalid => Problems.Validation(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Reason] }),
        DomainException domain => Problems.Domain(domain),
        // A read view a projection has not created yet (a new version still building after a deploy): try again shortly.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } => Problems.Status(
            503, "read-model-unavailable", "Estos datos se están preparando; vuelve a intentarlo en unos segundos."),
        _ => Problems.Unexpected(),
    };

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return Problems.Validation(new Dictionary<string, string[]> { [FieldOf(json)] = [Problems.UnreadableValue] });
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) return Problems.Status(413, "payload-too-large", "El cuerpo de la solicitud es demasiado grande.");
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType) return Problems.Status(415, "unsupported-media-type", "Envía el cuerpo como application/json.");
        // Route and query binding failures name the parameter in the message: "Failed to bind parameter \"int limit\"...".
        return Problems.Validation(new Dictionary<string, string[]> { [ParameterOf(bad.Message)] = [Problems.UnreadableValue] });
    }

    private static string FieldOf(JsonException json)
    {
        var path = json.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string ParameterOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start) return "request";
        var declaration = message[(start + 1)..end];
        return declaration[(declaration.LastIndexOf(' ') + 1)..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void Unhandled(ILogger logger, Exception error, string method, string path);
}
