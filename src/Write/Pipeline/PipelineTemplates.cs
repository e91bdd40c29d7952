using Platform.Write.EventStore;

namespace Platform.Write.Pipeline;

/// <summary>The stages a tenant's first pipeline starts with, by its industry, and its first lost reasons.</summary>
public static class PipelineTemplates
{
    public const string Dealership = "dealership";
    public const string RealEstate = "real-estate";
    public const string Generic = "generic";

    public static IReadOnlyList<string> All { get; } = [Dealership, RealEstate, Generic];

    public static IReadOnlyList<string> DefaultLostReasons { get; } =
        ["Precio", "Eligió otro proveedor", "Sin financiamiento", "No responde", "Otro"];

    private static readonly (string Name, int Probability, int ExpectedDays, int RottingDays)[] DealershipStages =
    [
        ("Nuevo", 10, 2, 3), ("Contactado", 20, 5, 7), ("Prueba de manejo", 40, 7, 7), ("Propuesta", 60, 7, 10), ("Negociación", 80, 10, 10),
    ];

    private static readonly (string Name, int Probability, int ExpectedDays, int RottingDays)[] RealEstateStages =
    [
        ("Nuevo", 10, 2, 5), ("Contactado", 20, 7, 10), ("Visita", 40, 14, 14), ("Oferta", 60, 14, 14), ("Negociación", 80, 21, 21),
    ];

    private static readonly (string Name, int Probability, int ExpectedDays, int RottingDays)[] GenericStages =
    [
        ("Nuevo", 10, 3, 7), ("Contactado", 25, 7, 10), ("Propuesta", 50, 10, 14), ("Negociación", 75, 14, 14),
    ];

    private static readonly string[] Colors = ["#90a4ae", "#42a5f5", "#7e57c2", "#ffa726", "#ef6c00", "#26a69a", "#5c6bc0"];

    /// <summary>The template a tenant of <paramref name="industry"/> starts with.</summary>
    public static string ForIndustry(string industry) => industry switch
    {
        "dealership" => Dealership,
        "real-estate" => RealEstate,
        _ => Generic,
    };

    public static string NameOf(string template) => template switch
    {
        Dealership => "Ventas de vehículos",
        RealEstate => "Ventas y arriendos",
        _ => "Ventas",
    };

    /// <summary>Fresh stage ids every time: two pipelines never share a stage.</summary>
    public static IReadOnlyList<PipelineStage> Stages(string template)
    {
        var open = template switch
        {
            Dealership => DealershipStages,
            RealEstate => RealEstateStages,
            _ => GenericStages,
        };
        return
        [
            .. open.Select((s, i) => new PipelineStage(Guid.CreateVersion7(), s.Name, StageKind.Open, s.Probability, Colors[i % Colors.Length], s.ExpectedDays, s.RottingDays)),
            new PipelineStage(Guid.CreateVersion7(), "Ganado", StageKind.Won, 100, "#2e7d32", null, null),
            new PipelineStage(Guid.CreateVersion7(), "Perdido", StageKind.Lost, 0, "#c62828", null, null),
        ];
    }

    /// <summary>Sign-up's share: the industry's pipeline and the default lost reasons.</summary>
    public static IEnumerable<StreamAppend> SeedAppends(Guid tenantId, string industry, Func<object, NewEvent> toEvent)
    {
        ArgumentNullException.ThrowIfNull(toEvent);
        var template = ForIndustry(industry);
        var pipelineId = Guid.CreateVersion7();
        yield return new StreamAppend(tenantId, PipelineEvents.PipelineStream(pipelineId), ExpectedVersion.NoStream,
            [toEvent(new PipelineCreated(pipelineId, NameOf(template), Stages(template)))]);
        yield return new StreamAppend(tenantId, PipelineEvents.LostReasonsStream, ExpectedVersion.NoStream,
            [toEvent(new LostReasonsChanged(DefaultLostReasons))]);
    }
}
