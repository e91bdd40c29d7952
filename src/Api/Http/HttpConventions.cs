using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing;

namespace Platform.Api.Http;

/// <summary>The conventions every endpoint follows, set once: problem+json, JSON rules, body caps, request context.</summary>
internal static class HttpConventions
{
    /// <summary>Largest request body any endpoint reads; endpoints that take files set their own.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IServiceCollection AddHttpConventions(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Problems made by the framework (404 route, 405, 401) get the same shape as ours.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = Problems.TypeOf(Code(problem.Status));
            problem.Title = Problems.TitleOf(problem.Status ?? 500);
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemResponses>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new CappedStringConverter());
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);
        return services;
    }

    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Route and query values reach SQL as text; PostgreSQL cannot store NUL, so it never gets that far.
        app.Use((http, next) =>
        {
            if (http.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("path", Problems.UnreadableValue)]);
            foreach (var (name, values) in http.Request.Query)
            {
                if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(name, Problems.UnreadableValue)]);
            }
            return next(http);
        });
        return app;
    }

    /// <summary>After authentication: the principal is known, so the request's context can be filled.</summary>
    public static WebApplication UseRequestContext(this WebApplication app)
    {
        app.UseMiddleware<RequestContextMiddleware>();
        return app;
    }

    private static string Code(int? status) => status switch
    {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        >= 500 => "unexpected",
        _ => "bad-request",
    };
}
