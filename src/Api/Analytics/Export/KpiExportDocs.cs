using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.Analytics.Export;

/// <summary>On the OpenAPI operations of exportable GET endpoints: the <c>format</c> query parameter and the text/csv answer.</summary>
internal static class KpiExportDocs
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.HttpMethod != "GET" || !context.Description.ActionDescriptor.EndpointMetadata.OfType<KpiExportMetadata>().Any())
            return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "format",
            In = ParameterLocation.Query,
            Description = "csv: the answer as a long table (section,item,field,value; UTF-8 with BOM) to download; json: the same JSON as a download. Accept: text/csv also gives the CSV.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("csv")!, JsonValue.Create("json")!] },
        });
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        return Task.CompletedTask;
    }
}
