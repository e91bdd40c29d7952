using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Http;
using Platform.Testing;

namespace Platform.Api.Tests.Http;

public sealed class OpenApiDocumentTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_endpoint_is_documented_with_its_roles_and_problem_responses()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<RequestTypeMetadata>() is not null).ToList();
        endpoints.Should().NotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            var access = endpoint.Metadata.GetMetadata<RequestTypeMetadata>()!.Access;
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                paths.TryGetProperty(path, out var item).Should().BeTrue($"{path} is an endpoint");
                item.TryGetProperty(method.ToLowerInvariant(), out var operation).Should().BeTrue($"{method} {path} is an endpoint");
                var roles = operation.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()).ToList();
                roles.Should().NotBeEmpty($"{method} {path} declares who may call it");
                var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                responses.Should().Contain(["400", "429"], $"{method} {path} can refuse bad input and excess");
                if (access.Anonymous) continue;
                responses.Should().Contain(["401", "403"], $"{method} {path} needs a signed-in role");
                operation.GetProperty("security").GetArrayLength().Should().BeGreaterThan(0);
            }
        }
    }

    [Fact]
    public async Task The_browsable_ui_is_served_at_docs()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        using var response = await host.Client.GetAsync(new Uri("/docs/index.html", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger-ui");
    }
}
