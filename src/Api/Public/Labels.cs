namespace Platform.Api.Public;

/// <summary>Buyers read Spanish: the catalog's stored codes (diesel, automatic, sale) as pages show them.</summary>
internal static class Labels
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gasoline"] = "Gasolina",
        ["diesel"] = "Diésel",
        ["hybrid"] = "Híbrido",
        ["electric"] = "Eléctrico",
        ["gas"] = "Gas",
        ["manual"] = "Manual",
        ["automatic"] = "Automática",
        ["new"] = "Nuevo",
        ["used"] = "Usado",
        ["sale"] = "Venta",
        ["rent"] = "Arriendo",
        ["house"] = "Casa",
        ["apartment"] = "Apartamento",
        ["land"] = "Lote",
        ["office"] = "Oficina",
        ["commercial"] = "Local comercial",
        ["warehouse"] = "Bodega",
        ["vehicle"] = "Vehículo",
        ["property"] = "Inmueble",
        ["product"] = "Producto",
        ["true"] = "Sí",
        ["false"] = "No",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["brand"] = "Marca",
        ["model"] = "Modelo",
        ["version"] = "Versión",
        ["year"] = "Año",
        ["km"] = "Kilometraje",
        ["fuel"] = "Combustible",
        ["transmission"] = "Transmisión",
        ["color"] = "Color",
        ["condition"] = "Estado",
        ["city"] = "Ciudad",
        ["price"] = "Precio",
        ["kind"] = "Tipo",
        ["operation"] = "Operación",
        ["type"] = "Tipo de inmueble",
        ["rooms"] = "Habitaciones",
        ["bathrooms"] = "Baños",
        ["area"] = "Área (m²)",
        ["zone"] = "Zona",
        ["sku"] = "Referencia",
        ["category"] = "Categoría",
        ["stock"] = "Disponibles",
    };

    /// <summary>A stored value as buyers read it; values without a label (a brand, a city) are shown as written.</summary>
    public static string Value(string value) => Values.TryGetValue(value, out var label) ? label : value;

    /// <summary>An attribute's or facet's name in Spanish; unknown names are shown as written.</summary>
    public static string Name(string name) => Names.TryGetValue(name, out var label) ? label : name;
}
