using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class OpenOpportunityTests
{
    private static Opportunity.Open Open(PipelineStateOrDefault pipeline = default, Guid? stageId = null) => new(
        GivenPipeline.OpportunityId, pipeline.State ?? GivenPipeline.State(), stageId, GivenPipeline.CustomerId, null,
        "Hilux para la finca", GivenPipeline.Value(), new DateOnly(2026, 12, 15), GivenPipeline.Seller);

    [Fact]
    public void An_opportunity_opens_in_the_first_open_stage()
    {
        Opportunity.Decide(null, Open()).Should().Equal(GivenPipeline.Opened());
    }

    [Fact]
    public void An_opportunity_opens_in_the_stage_asked_for_and_records_its_lead()
    {
        var lead = Guid.CreateVersion7();

        var events = Opportunity.Decide(null, Open(stageId: GivenPipeline.Proposal.StageId) with { LeadId = lead });

        events.Should().Equal(GivenPipeline.Opened(GivenPipeline.Proposal) with { LeadId = lead });
    }

    [Fact]
    public void An_opportunity_does_not_open_won_lost_in_an_unknown_stage_or_an_archived_pipeline()
    {
        var archived = GivenPipeline.State(GivenPipeline.Created(), new PipelineArchived(GivenPipeline.Id));

        FluentActions.Invoking(() => Opportunity.Decide(null, Open(stageId: GivenPipeline.Won.StageId)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage");
        FluentActions.Invoking(() => Opportunity.Decide(null, Open(stageId: Guid.NewGuid()))).Should().Throw<NotFoundException>();
        FluentActions.Invoking(() => Opportunity.Decide(null, Open(new(archived))))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("pipeline-archived");
    }

    [Fact]
    public void An_opportunity_opens_once()
    {
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(), Open()))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-exists");
    }

    public readonly record struct PipelineStateOrDefault(PipelineState? State);
}
