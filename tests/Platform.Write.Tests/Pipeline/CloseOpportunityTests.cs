using Platform.Write.Catalog;
using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class CloseOpportunityTests
{
    private static readonly Guid Id = GivenPipeline.OpportunityId;

    private static OpportunityLost LostFromNew => new(Id, GivenPipeline.New.StageId, GivenPipeline.Lost.StageId, "Precio");

    [Fact]
    public void Winning_moves_to_the_won_stage_with_the_amount()
    {
        var amount = new Money(92_000_000m, "COP");

        var events = Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Win(GivenPipeline.State(), amount));

        events.Should().Equal(new OpportunityWon(Id, GivenPipeline.New.StageId, GivenPipeline.Won.StageId, amount));
        Opportunity.Fold([GivenPipeline.Opened(), .. events])!.Status.Should().Be(OpportunityStatus.Won);
    }

    [Fact]
    public void Losing_records_the_tenants_spelling_of_the_reason()
    {
        var events = Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Lose(GivenPipeline.State(), " precio ", GivenPipeline.Reasons));

        events.Should().Equal(LostFromNew);
    }

    [Fact]
    public void A_reason_off_the_tenants_list_is_refused()
    {
        var lose = () => Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Lose(GivenPipeline.State(), "Mala suerte", GivenPipeline.Reasons));

        var error = lose.Should().Throw<DomainException>().Which;
        error.Code.Should().Be("unknown-lost-reason");
        error.Details["reasons"].Should().BeEquivalentTo(GivenPipeline.Reasons);
    }

    [Fact]
    public void A_closed_opportunity_is_neither_won_nor_lost_again()
    {
        var lost = GivenPipeline.Opportunity(LostFromNew);

        FluentActions.Invoking(() => Opportunity.Decide(lost, new Opportunity.Win(GivenPipeline.State(), GivenPipeline.Value())))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-closed");
        FluentActions.Invoking(() => Opportunity.Decide(lost, new Opportunity.Lose(GivenPipeline.State(), "Precio", GivenPipeline.Reasons)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-closed");
    }

    [Fact]
    public void A_lost_opportunity_reopens_in_the_stage_chosen()
    {
        var events = Opportunity.Decide(GivenPipeline.Opportunity(LostFromNew), new Opportunity.Reopen(GivenPipeline.State(), GivenPipeline.Proposal.StageId));

        events.Should().Equal(new OpportunityReopened(Id, GivenPipeline.Lost.StageId, GivenPipeline.Proposal.StageId));
        var reopened = Opportunity.Fold([GivenPipeline.Opened(), LostFromNew, .. events])!;
        reopened.Status.Should().Be(OpportunityStatus.Open);
        reopened.StageId.Should().Be(GivenPipeline.Proposal.StageId);
    }

    [Fact]
    public void Only_a_lost_opportunity_reopens_and_only_into_an_open_stage()
    {
        var won = GivenPipeline.Opportunity(new OpportunityWon(Id, GivenPipeline.New.StageId, GivenPipeline.Won.StageId, GivenPipeline.Value()));

        FluentActions.Invoking(() => Opportunity.Decide(won, new Opportunity.Reopen(GivenPipeline.State(), GivenPipeline.New.StageId)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-won");
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Reopen(GivenPipeline.State(), GivenPipeline.New.StageId)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-open");
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(LostFromNew), new Opportunity.Reopen(GivenPipeline.State(), GivenPipeline.Won.StageId)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage");
    }
}
