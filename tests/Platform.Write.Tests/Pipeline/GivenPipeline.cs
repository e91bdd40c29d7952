using Platform.Write.Catalog;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

internal static class GivenPipeline
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly Guid OpportunityId = Guid.CreateVersion7();
    public static readonly Guid CustomerId = Guid.CreateVersion7();
    public static readonly Guid Seller = Guid.CreateVersion7();

    public static readonly PipelineStage New = Stage("Nuevo", 10);
    public static readonly PipelineStage Contacted = Stage("Contactado", 30);
    public static readonly PipelineStage Proposal = Stage("Propuesta", 60);
    public static readonly PipelineStage Won = new(Guid.CreateVersion7(), "Ganado", StageKind.Won, 100, "#2e7d32", null, null);
    public static readonly PipelineStage Lost = new(Guid.CreateVersion7(), "Perdido", StageKind.Lost, 0, "#c62828", null, null);

    public static readonly IReadOnlyList<PipelineStage> Stages = [New, Contacted, Proposal, Won, Lost];

    public static PipelineStage Stage(string name, int probability = 50, StageKind kind = StageKind.Open) =>
        new(Guid.CreateVersion7(), name, kind, probability, "#1e88e5", 7, 10);

    public static PipelineCreated Created() => new(Id, "Ventas", Stages);

    public static PipelineState State(params object[] events) => SalesPipeline.Fold(events.Length == 0 ? [Created()] : events)!;

    public static Money Value(decimal amount = 95_000_000m) => new(amount, "COP");

    public static OpportunityOpened Opened(PipelineStage? stage = null) =>
        new(OpportunityId, Id, (stage ?? New).StageId, CustomerId, null, "Hilux para la finca", Value(), new DateOnly(2026, 12, 15), Seller);

    public static OpportunityState Opportunity(params object[] more) => Platform.Write.Pipeline.Opportunity.Fold([Opened(), .. more])!;

    public static IReadOnlyList<string> Reasons => ["Precio", "No responde", "Otro"];
}
