using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class ConvertLeadTests
{
    [Fact]
    public void A_qualified_lead_converts_into_the_opportunity()
    {
        var opportunity = Guid.CreateVersion7();
        var state = GivenLead.State(GivenLead.Created(), new LeadQualified(GivenLead.Id, null));

        var events = Lead.Decide(state, new Lead.Convert(opportunity));

        events.Should().Equal(new LeadConverted(GivenLead.Id, opportunity));
        Lead.Evolve(state, events[0])!.Status.Should().Be(LeadStatuses.Converted);
    }

    [Fact]
    public void A_disqualified_lead_cannot_convert()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadDisqualified(GivenLead.Id, "Spam", null));

        var act = () => Lead.Decide(state, new Lead.Convert(Guid.CreateVersion7()));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("lead-disqualified");
    }

    [Fact]
    public void A_lead_converts_only_once()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadConverted(GivenLead.Id, Guid.CreateVersion7()));

        var act = () => Lead.Decide(state, new Lead.Convert(Guid.CreateVersion7()));

        act.Should().Throw<ConflictException>().Which.Code.Should().Be("lead-converted");
    }
}
