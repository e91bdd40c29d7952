using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class DisqualifyLeadTests
{
    [Fact]
    public void A_lead_is_disqualified_with_its_reason()
    {
        var events = Lead.Decide(GivenLead.New(), new Lead.Disqualify("Número equivocado", GivenLead.Seller));

        events.Should().Equal(new LeadDisqualified(GivenLead.Id, "Número equivocado", GivenLead.Seller));
        Lead.Evolve(GivenLead.New(), events[0])!.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Disqualifying_twice_changes_nothing()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadDisqualified(GivenLead.Id, "Spam", null));

        Lead.Decide(state, new Lead.Disqualify("Otra razón", null)).Should().BeEmpty();
    }

    [Fact]
    public void A_converted_lead_cannot_be_disqualified()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadConverted(GivenLead.Id, Guid.CreateVersion7()));

        var act = () => Lead.Decide(state, new Lead.Disqualify("Spam", null));

        act.Should().Throw<ConflictException>().Which.Code.Should().Be("lead-converted");
    }
}
