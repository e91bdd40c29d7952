using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Analytics.Export;

/// <summary>Marks the endpoints whose GET answers can be downloaded as CSV or JSON (the OpenAPI document lists <c>format</c> on them).</summary>
internal sealed class KpiExportMetadata;

/// <summary>
/// Exports of any KPI query: <c>?format=csv</c> (or <c>Accept: text/csv</c>) turns a GET endpoint's answer into the long
/// CSV table of <see cref="KpiTable"/>, <c>?format=json</c> gives the same JSON as the endpoint as a download; any other
/// format is 400 naming <c>format</c>. Errors (problem+json) pass through untouched.
/// </summary>
internal static class KpiExports
{
    public static RouteGroupBuilder WithKpiExports(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter<KpiExportFilter>().WithMetadata(new KpiExportMetadata());
        return group;
    }

    /// <summary>"csv", "json", or null for the endpoint's ordinary answer.</summary>
    public static string? FormatOf(HttpRequest request)
    {
        if (request.Query.TryGetValue("format", out var values))
        {
            var format = values.ToString().Trim().ToLowerInvariant();
            return format is "csv" or "json" ? format
                : throw new ValidationException([new ValidationFailure("format", "Debe ser csv o json.")]);
        }
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) ? "csv" : null;
    }
}

internal sealed class KpiExportFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var format = HttpMethods.IsGet(http.Request.Method) ? KpiExports.FormatOf(http.Request) : null;
        var result = await next(context);
        if (format is null || !TryValue(result, out var value)) return result;

        var options = json.Value.SerializerOptions;
        var answer = JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object), options);
        var name = KpiExportNames.FileName(http, answer);
        http.Response.Headers.Vary = HeaderNames.Accept;
        return format == "csv"
            ? TypedResults.File(KpiCsv.Write(KpiTable.Rows(answer)), "text/csv; charset=utf-8", $"{name}.csv")
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(answer, options), "application/json; charset=utf-8", $"{name}.json");
    }

    /// <summary>The value of a 200 answer (through Results&lt;...&gt; unions); anything else is left to the endpoint.</summary>
    private static bool TryValue(object? result, out object? value)
    {
        value = null;
        switch (result)
        {
            case INestedHttpResult nested:
                return TryValue(nested.Result, out value);
            case IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) }:
                return false;
            case IValueHttpResult ok:
                value = ok.Value;
                return true;
            case IResult:
                return false;
            default:
                value = result;
                return result is not null;
        }
    }
}
