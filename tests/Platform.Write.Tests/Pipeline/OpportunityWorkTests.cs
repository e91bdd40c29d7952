using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class OpportunityWorkTests
{
    private static readonly Guid Id = GivenPipeline.OpportunityId;
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    private static OpportunityActivityScheduled Call(Guid activityId) => new(Id, activityId, "call", "Llamar para la prueba de manejo", Due, GivenPipeline.Seller);

    [Fact]
    public void A_note_is_recorded_with_its_author_even_on_a_closed_opportunity()
    {
        var note = Guid.CreateVersion7();
        var lost = GivenPipeline.Opportunity(new OpportunityLost(Id, GivenPipeline.New.StageId, GivenPipeline.Lost.StageId, "Precio"));

        Opportunity.Decide(lost, new Opportunity.AddNote(note, "Volver a llamar en marzo", GivenPipeline.Seller))
            .Should().Equal(new OpportunityNoteAdded(Id, note, "Volver a llamar en marzo", GivenPipeline.Seller));
    }

    [Fact]
    public void An_activity_is_scheduled_once()
    {
        var activity = Guid.CreateVersion7();
        var schedule = new Opportunity.ScheduleActivity(activity, "call", "Llamar para la prueba de manejo", Due, GivenPipeline.Seller);

        Opportunity.Decide(GivenPipeline.Opportunity(), schedule).Should().Equal(Call(activity));
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(Call(activity)), schedule))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("activity-exists");
    }

    [Fact]
    public void Completing_an_activity_records_it_once()
    {
        var activity = Guid.CreateVersion7();
        var scheduled = GivenPipeline.Opportunity(Call(activity));

        var events = Opportunity.Decide(scheduled, new Opportunity.CompleteActivity(activity));

        events.Should().Equal(new OpportunityActivityCompleted(Id, activity));
        Opportunity.Decide(GivenPipeline.Opportunity(Call(activity), events[0]), new Opportunity.CompleteActivity(activity)).Should().BeEmpty();
    }

    [Fact]
    public void Completing_an_unknown_activity_is_not_found()
    {
        FluentActions.Invoking(() => Opportunity.Decide(GivenPipeline.Opportunity(), new Opportunity.CompleteActivity(Guid.NewGuid())))
            .Should().Throw<NotFoundException>();
    }
}
