using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Catalog;

/// <summary>Valid listing bodies, one per kind; tests change one field at a time.</summary>
internal static class ListingSamples
{
    public static JsonObject Vehicle(string title = "Toyota Hilux 2.8 diésel 4x4", decimal price = 182_000_000m) => new()
    {
        ["kind"] = "vehicle",
        ["title"] = title,
        ["description"] = "Única dueña, mantenimientos en concesionario, llantas nuevas.",
        ["city"] = "Medellín",
        ["images"] = new JsonArray("https://fotos.example.com/hilux-1.jpg", "https://fotos.example.com/hilux-2.jpg"),
        ["featured"] = true,
        ["price"] = new JsonObject { ["amount"] = price, ["currency"] = "COP" },
        ["vehicle"] = new JsonObject
        {
            ["brand"] = "Toyota", ["model"] = "Hilux", ["version"] = "2.8 SRV", ["year"] = 2021, ["km"] = 48_000,
            ["fuel"] = "diesel", ["transmission"] = "automatic", ["color"] = "Blanco", ["condition"] = "used",
        },
    };

    public static JsonObject Property() => new()
    {
        ["kind"] = "property",
        ["title"] = "Apartamento en El Poblado con balcón",
        ["description"] = "Tres habitaciones, dos baños, parqueadero cubierto.",
        ["city"] = "Medellín",
        ["featured"] = false,
        ["price"] = new JsonObject { ["amount"] = 650_000_000m, ["currency"] = "COP" },
        ["property"] = new JsonObject { ["operation"] = "sale", ["type"] = "apartment", ["rooms"] = 3, ["bathrooms"] = 2, ["area"] = 92.5m, ["zone"] = "El Poblado" },
    };
}
