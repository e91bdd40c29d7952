using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class MoveOpportunityTests
{
    [Fact]
    public void An_open_opportunity_moves_to_another_open_stage()
    {
        var events = Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Move(GivenPipeline.State(), GivenPipeline.Contacted.StageId));

        events.Should().Equal(new OpportunityMoved(GivenPipeline.OpportunityId, GivenPipeline.New.StageId, GivenPipeline.Contacted.StageId));
    }

    [Fact]
    public void Moving_to_the_stage_it_is_in_changes_nothing()
    {
        Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Move(GivenPipeline.State(), GivenPipeline.New.StageId)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(StageKind.Won)]
    [InlineData(StageKind.Lost)]
    public void Won_and_lost_are_reached_only_by_winning_or_losing(StageKind kind)
    {
        var target = kind == StageKind.Won ? GivenPipeline.Won : GivenPipeline.Lost;

        var move = () => Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Move(GivenPipeline.State(), target.StageId));

        move.Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage");
    }

    [Fact]
    public void Closed_opportunity_cannot_move()
    {
        var won = GivenPipeline.Opportunity(new OpportunityWon(GivenPipeline.OpportunityId, GivenPipeline.New.StageId, GivenPipeline.Won.StageId, GivenPipeline.Value()));

        var move = () => Opportunity.Decide(won, new Opportunity.Move(GivenPipeline.State(), GivenPipeline.Contacted.StageId));

        move.Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-closed");
    }

    [Fact]
    public void A_stage_of_another_pipeline_or_a_missing_opportunity_is_not_found()
    {
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Move(GivenPipeline.State(), Guid.NewGuid())))
            .Should().Throw<NotFoundException>();
        FluentActions.Invoking(() => Opportunity.Decide(null, new Opportunity.Move(GivenPipeline.State(), GivenPipeline.Contacted.StageId)))
            .Should().Throw<NotFoundException>();
    }
}
