using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class AssignLeadTests
{
    [Fact]
    public void Assigning_names_the_user_how_and_the_previous_one()
    {
        var other = Guid.CreateVersion7();
        var state = GivenLead.State(GivenLead.Created(), new LeadAssigned(GivenLead.Id, GivenLead.Seller, AssignmentKinds.RoundRobin, null));

        var events = Lead.Decide(state, new Lead.Assign(other, AssignmentKinds.Manual));

        events.Should().Equal(new LeadAssigned(GivenLead.Id, other, AssignmentKinds.Manual, GivenLead.Seller));
        Lead.Evolve(state, events[0])!.AssigneeId.Should().Be(other);
    }

    [Fact]
    public void Assigning_to_the_current_assignee_changes_nothing()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadAssigned(GivenLead.Id, GivenLead.Seller, AssignmentKinds.Manual, null));

        Lead.Decide(state, new Lead.Assign(GivenLead.Seller, AssignmentKinds.Manual)).Should().BeEmpty();
    }

    [Fact]
    public void A_closed_lead_cannot_be_assigned()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadDisqualified(GivenLead.Id, "Número equivocado", null));

        var act = () => Lead.Decide(state, new Lead.Assign(GivenLead.Seller, AssignmentKinds.Manual));

        act.Should().Throw<ConflictException>().Which.Code.Should().Be("lead-closed");
    }

    [Fact]
    public void A_missing_lead_is_not_found()
    {
        var act = () => Lead.Decide(null, new Lead.Assign(GivenLead.Seller, AssignmentKinds.Manual));

        act.Should().Throw<NotFoundException>();
    }
}
