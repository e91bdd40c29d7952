namespace Platform.Api.Demo;

/// <summary>A model as Latin American dealers sell it: its versions, fuels, gearboxes and price new (in US dollars).</summary>
internal sealed record DemoModel(
    string Brand, string Model, string Body, string[] Versions, string[] Fuels, string[] Transmissions, decimal NewPriceUsd, int FirstYear);

/// <summary>The brands and models the demo dealership stocks: the region's best sellers, pick-ups and SUVs included.</summary>
internal static class DemoVehicles
{
    private static readonly string[] Both = ["manual", "automatic"];
    private static readonly string[] Automatic = ["automatic"];
    private static readonly string[] Gasoline = ["gasoline"];
    private static readonly string[] DieselOrGasoline = ["diesel", "gasoline"];

    public static IReadOnlyList<DemoModel> Models { get; } =
    [
        new("Toyota", "Hilux", "pickup", ["2.4 DX 4x2", "2.8 SRV 4x4", "2.8 SR 4x4", "2.7 SR 4x2", "2.8 GR-Sport 4x4"], DieselOrGasoline, Both, 42_000, 2012),
        new("Toyota", "Corolla", "sedán", ["1.8 XLi", "2.0 SEG", "1.8 Híbrido SEG"], ["gasoline", "hybrid"], Both, 27_000, 2012),
        new("Toyota", "Fortuner", "camioneta", ["2.7 SR 4x2", "2.8 SRV 4x4"], DieselOrGasoline, Automatic, 48_000, 2014),
        new("Toyota", "Land Cruiser Prado", "camioneta", ["TX 2.7", "TX-L 3.0 Diésel", "VX 4.0"], DieselOrGasoline, Automatic, 65_000, 2012),
        new("Toyota", "RAV4", "camioneta", ["2.0 Street", "2.5 Híbrida Limited"], ["gasoline", "hybrid"], Automatic, 36_000, 2014),
        new("Toyota", "Yaris", "hatchback", ["1.3 XS", "1.5 XLS"], Gasoline, Both, 18_000, 2012),
        new("Chevrolet", "Onix", "sedán", ["1.0 Turbo LT", "1.0 Turbo Premier", "1.4 LTZ"], Gasoline, Both, 17_500, 2015),
        new("Chevrolet", "Tracker", "camioneta", ["1.2 Turbo LS", "1.2 Turbo Premier"], Gasoline, Both, 25_000, 2018),
        new("Chevrolet", "Spark GT", "hatchback", ["1.2 LT", "1.2 Activ"], Gasoline, ["manual"], 11_500, 2012),
        new("Chevrolet", "Colorado", "pickup", ["2.8 LT 4x4", "2.8 High Country 4x4"], ["diesel"], Both, 40_000, 2013),
        new("Chevrolet", "Captiva", "camioneta", ["1.5 Turbo LS", "2.4 LT"], Gasoline, Both, 24_000, 2012),
        new("Renault", "Logan", "sedán", ["1.6 Life", "1.6 Zen", "1.6 Intens"], Gasoline, Both, 14_500, 2012),
        new("Renault", "Sandero", "hatchback", ["1.6 Life", "1.6 Stepway Intens"], Gasoline, Both, 14_000, 2012),
        new("Renault", "Duster", "camioneta", ["1.6 Zen 4x2", "1.3 Turbo Intens 4x4", "2.0 Dynamique 4x4"], Gasoline, Both, 22_000, 2013),
        new("Renault", "Kwid", "hatchback", ["1.0 Zen", "1.0 Outsider"], Gasoline, ["manual"], 10_500, 2018),
        new("Mazda", "2", "hatchback", ["1.5 Touring", "1.5 Grand Touring"], Gasoline, Both, 19_000, 2015),
        new("Mazda", "3", "sedán", ["2.0 Touring", "2.5 Grand Touring LX"], Gasoline, Both, 26_000, 2012),
        new("Mazda", "CX-30", "camioneta", ["2.0 Touring", "2.5 Grand Touring"], Gasoline, Automatic, 29_000, 2020),
        new("Mazda", "CX-5", "camioneta", ["2.0 Touring", "2.5 Grand Touring AWD", "2.2 Diésel Signature"], DieselOrGasoline, Automatic, 34_000, 2013),
        new("Mazda", "BT-50", "pickup", ["2.2 4x2", "3.0 Diésel 4x4"], ["diesel"], Both, 36_000, 2013),
        new("Nissan", "Versa", "sedán", ["1.6 Sense", "1.6 Advance", "1.6 Exclusive"], Gasoline, Both, 17_000, 2013),
        new("Nissan", "March", "hatchback", ["1.6 Active", "1.6 Advance"], Gasoline, Both, 12_500, 2012),
        new("Nissan", "Frontier", "pickup", ["2.3 SE 4x4", "2.5 LE 4x4", "2.3 Platinum 4x4"], ["diesel"], Both, 38_000, 2012),
        new("Nissan", "Kicks", "camioneta", ["1.6 Sense", "1.6 Exclusive", "e-Power Exclusive"], ["gasoline", "hybrid"], Automatic, 23_000, 2017),
        new("Nissan", "X-Trail", "camioneta", ["2.5 Advance 4x2", "2.5 Exclusive 4x4"], Gasoline, Automatic, 33_000, 2014),
        new("Kia", "Picanto", "hatchback", ["1.0 Vibrant", "1.25 Zenith"], Gasoline, Both, 12_000, 2012),
        new("Kia", "Rio", "sedán", ["1.4 Vibrant", "1.4 Zenith"], Gasoline, Both, 16_000, 2013),
        new("Kia", "Sportage", "camioneta", ["2.0 Desire", "2.0 Zenith", "1.6 Híbrida Zenith"], ["gasoline", "diesel", "hybrid"], Automatic, 31_000, 2012),
        new("Hyundai", "Accent", "sedán", ["1.4 Advance", "1.6 Premium"], Gasoline, Both, 15_500, 2012),
        new("Hyundai", "Tucson", "camioneta", ["2.0 Advance", "2.0 Diésel Limited 4x4"], DieselOrGasoline, Automatic, 32_000, 2012),
        new("Hyundai", "Creta", "camioneta", ["1.6 Premium", "1.6 Limited"], Gasoline, Both, 22_000, 2017),
        new("Volkswagen", "Gol", "hatchback", ["1.6 Trendline", "1.6 Comfortline"], Gasoline, ["manual"], 12_500, 2012),
        new("Volkswagen", "Virtus", "sedán", ["1.6 Trendline", "1.0 TSI Highline"], Gasoline, Both, 20_000, 2018),
        new("Volkswagen", "T-Cross", "camioneta", ["1.6 Trendline", "1.0 TSI Highline"], Gasoline, Both, 25_000, 2019),
        new("Volkswagen", "Amarok", "pickup", ["2.0 TDI Trendline 4x4", "3.0 V6 Highline 4x4"], ["diesel"], Both, 45_000, 2012),
        new("Ford", "Ranger", "pickup", ["2.2 XL 4x4", "3.2 XLT 4x4", "3.0 V6 Limited 4x4"], ["diesel"], Both, 41_000, 2012),
        new("Ford", "Escape", "camioneta", ["2.0 SE 4x2", "2.5 Híbrida Titanium"], ["gasoline", "hybrid"], Automatic, 30_000, 2013),
        new("Suzuki", "Swift", "hatchback", ["1.2 GL", "1.2 GLX Híbrido"], ["gasoline", "hybrid"], Both, 14_500, 2013),
        new("Suzuki", "Vitara", "camioneta", ["1.6 GL", "1.4 Turbo GLX AllGrip"], Gasoline, Both, 22_500, 2016),
        new("Suzuki", "Jimny", "camioneta", ["1.5 GLX 4x4"], Gasoline, Both, 24_000, 2019),
        new("Mitsubishi", "L200", "pickup", ["2.4 GL 4x4", "2.4 Sportero 4x4"], ["diesel"], Both, 37_000, 2012),
        new("Mitsubishi", "Montero Sport", "camioneta", ["2.4 GLS 4x4"], ["diesel"], Automatic, 44_000, 2016),
        new("Honda", "CR-V", "camioneta", ["1.5 Turbo EXL", "2.4 City"], Gasoline, Automatic, 33_000, 2012),
        new("Honda", "HR-V", "camioneta", ["1.8 Uniq", "1.5 Turbo Touring"], Gasoline, Automatic, 25_500, 2015),
        new("Jeep", "Renegade", "camioneta", ["1.8 Sport", "1.3 Turbo Longitude"], Gasoline, Both, 24_000, 2016),
        new("Jeep", "Wrangler", "camioneta", ["2.0 Turbo Sport", "3.6 Rubicon"], Gasoline, Automatic, 52_000, 2013),
        new("Peugeot", "2008", "camioneta", ["1.6 Active", "1.2 Turbo Allure"], Gasoline, Both, 22_000, 2016),
        new("BYD", "Dolphin", "hatchback", ["Eléctrico GL"], ["electric"], Automatic, 27_000, 2023),
    ];

    public static IReadOnlyList<string> Colors { get; } =
        ["Blanco", "Blanco perla", "Gris plata", "Gris oscuro", "Negro", "Rojo", "Azul", "Azul oscuro", "Beige", "Verde"];

    /// <summary>Cities by country code; a dealership advertises in its country's big cities.</summary>
    public static IReadOnlyList<string> CitiesOf(string country) => country switch
    {
        "MX" => ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Querétaro", "Mérida"],
        "CL" => ["Santiago", "Valparaíso", "Concepción", "Antofagasta", "La Serena"],
        "PE" => ["Lima", "Arequipa", "Trujillo", "Chiclayo", "Piura"],
        "AR" => ["Buenos Aires", "Córdoba", "Rosario", "Mendoza", "La Plata"],
        "EC" => ["Quito", "Guayaquil", "Cuenca", "Manta"],
        _ => ["Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Pereira", "Cartagena", "Manizales"],
    };

    /// <summary>Rough dollar rates, enough for demo prices that look right in each currency.</summary>
    public static decimal DollarsIn(string currency) => currency switch
    {
        "COP" => 4_000m,
        "MXN" => 17m,
        "CLP" => 900m,
        "ARS" => 900m,
        "PEN" => 3.7m,
        "BRL" => 5m,
        "UYU" => 39m,
        "PYG" => 7_300m,
        "GTQ" => 7.8m,
        "DOP" => 59m,
        "CRC" => 510m,
        _ => 1m,
    };
}
