using Platform.Write.Catalog;
using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class ChangeOpportunityTests
{
    private static readonly Guid Id = GivenPipeline.OpportunityId;

    [Fact]
    public void Each_changed_member_is_one_event_and_the_others_none()
    {
        var owner = Guid.CreateVersion7();
        var value = new Money(99_000_000m, "COP");

        var events = Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Change("Hilux SRV", value, owner, new DateOnly(2027, 1, 10)));

        events.Should().Equal(
            new OpportunityRetitled(Id, "Hilux SRV"),
            new OpportunityValueChanged(Id, GivenPipeline.Value(), value),
            new OpportunityOwnerChanged(Id, GivenPipeline.Seller, owner),
            new OpportunityCloseDateChanged(Id, new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 10)));
    }

    [Fact]
    public void The_same_values_change_nothing()
    {
        Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.Change("Hilux para la finca", GivenPipeline.Value(), GivenPipeline.Seller, null))
            .Should().BeEmpty();
    }

    [Fact]
    public void A_closed_opportunity_does_not_change()
    {
        var lost = GivenPipeline.Opportunity(new OpportunityLost(Id, GivenPipeline.New.StageId, GivenPipeline.Lost.StageId, "Precio"));

        FluentActions.Invoking(() => Opportunity.Decide(lost, new Opportunity.Change("Otra", null, null, null)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("opportunity-closed");
    }
}
