using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class QualifyLeadTests
{
    [Fact]
    public void A_contacted_lead_is_qualified()
    {
        var state = GivenLead.State(GivenLead.Created(), GivenLead.Contacted(3));

        var events = Lead.Decide(state, new Lead.Qualify(GivenLead.Seller));

        events.Should().Equal(new LeadQualified(GivenLead.Id, GivenLead.Seller));
        Lead.Evolve(state, events[0])!.Status.Should().Be(LeadStatuses.Qualified);
    }

    [Fact]
    public void Qualifying_twice_changes_nothing()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadQualified(GivenLead.Id, null));

        Lead.Decide(state, new Lead.Qualify(null)).Should().BeEmpty();
    }

    [Fact]
    public void A_disqualified_lead_cannot_be_qualified()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadDisqualified(GivenLead.Id, "Solo mirando", null));

        var act = () => Lead.Decide(state, new Lead.Qualify(null));

        act.Should().Throw<ConflictException>().Which.Code.Should().Be("lead-closed");
    }
}
