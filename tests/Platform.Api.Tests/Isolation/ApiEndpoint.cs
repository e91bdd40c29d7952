using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Http;

namespace Platform.Api.Tests.Isolation;

/// <summary>One method of one route of the Api, as the running host's endpoint data source lists it.</summary>
internal sealed record ApiEndpoint(string Method, string Pattern, IReadOnlyList<string> Parameters, Type? BodyType, bool Anonymous)
{
    public bool HasRouteParameters => Parameters.Count > 0;

    public override string ToString() => $"{Method} {Pattern}";

    public string PathWith(Func<string, string> valueOf) =>
        Parameters.Aggregate(Pattern, (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(valueOf(name)), StringComparison.Ordinal));

    /// <summary>Every endpoint under /api, so an endpoint added later is covered without touching the tests.</summary>
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(
                method,
                "/" + e.RoutePattern.RawText!.Trim('/'),
                [.. e.RoutePattern.Parameters.Select(p => p.Name)],
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                e.Metadata.GetMetadata<RequestTypeMetadata>()?.Access.Anonymous ?? e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
}
