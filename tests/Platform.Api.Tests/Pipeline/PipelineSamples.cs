using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Pipeline;

/// <summary>A valid body for each body type the pipeline and opportunity endpoints read (for the endpoint matrix and the fuzzer).</summary>
internal static class PipelineSamples
{
    public static IReadOnlyDictionary<string, Func<JsonObject>> Bodies { get; } = new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
    {
        ["CreatePipeline"] = () => new() { ["name"] = "Usados", ["template"] = "dealership" },
        ["PipelineBody"] = () => new() { ["name"] = "Usados certificados" },
        ["NewStageBody"] = () => new() { ["name"] = "Financiación", ["probability"] = 70, ["color"] = "#aa00ff", ["expectedDays"] = 5, ["rottingDays"] = 4 },
        ["StageBody"] = () => new() { ["name"] = "Crédito", ["probability"] = 75, ["color"] = "#aa00ff", ["expectedDays"] = 5, ["rottingDays"] = 4 },
        ["StageOrderBody"] = () => new() { ["stageIds"] = new JsonArray(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()) },
        ["LostReasonsBody"] = () => new() { ["reasons"] = new JsonArray("Precio", "Otro") },
        ["OpenOpportunity"] = () => new()
        {
            ["pipelineId"] = Guid.NewGuid().ToString(), ["customerId"] = Guid.NewGuid().ToString(), ["title"] = "Hilux para la finca", ["value"] = 95_000_000,
        },
        ["OpportunityBody"] = () => new() { ["title"] = "Hilux 4x4", ["value"] = 99_000_000 },
        ["StageChoiceBody"] = () => new() { ["stageId"] = Guid.NewGuid().ToString() },
        ["WinBody"] = () => new() { ["amount"] = 91_000_000 },
        ["LoseBody"] = () => new() { ["reason"] = "Precio" },
        ["NoteBody"] = () => new() { ["text"] = "Quiere financiación a 36 meses" },
        ["ActivityBody"] = () => new() { ["type"] = "call", ["subject"] = "Llamar", ["dueAt"] = "2026-12-01T15:00:00Z" },
    };
}
