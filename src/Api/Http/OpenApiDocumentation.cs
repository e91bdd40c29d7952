using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.Http;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and its browsable UI at /docs. Each operation lists
/// the roles its request declares and the bearer scheme it needs; problem responses come from
/// the endpoints' own declarations (<see cref="EndpointConventions.Sends{TRequest}"/>).
/// </summary>
internal static class OpenApiDocumentation
{
    private const string Scheme = "Bearer";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Platform API", Version = "v1" };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Access token from POST /api/auth/login or /api/auth/register.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var request = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestTypeMetadata>().LastOrDefault();
                if (request is null) return Task.CompletedTask;
                var roles = request.Access.Anonymous ? "anonymous" : request.Access.Roles.Count == 0 ? "any signed-in role" : string.Join(", ", request.Access.Roles);
                operation.Description = string.IsNullOrEmpty(operation.Description) ? $"Roles: {roles}." : $"{operation.Description}\n\nRoles: {roles}.";
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-roles"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(
                    (request.Access.Anonymous ? ["anonymous"] : request.Access.Roles.Count == 0 ? Write.Tenancy.Roles.All : request.Access.Roles)
                        .Select(r => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(r)).ToArray()));
                if (!request.Access.Anonymous)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(Analytics.Export.KpiExportDocs.TransformAsync);
        });

    public static WebApplication MapPlatformOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Platform API v1");
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Platform API";
        });
        return app;
    }
}
