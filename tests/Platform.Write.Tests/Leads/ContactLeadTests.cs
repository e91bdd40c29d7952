using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class ContactLeadTests
{
    [Fact]
    public void The_first_contact_sets_the_response_time_and_moves_the_lead_to_contacted()
    {
        var at = GivenLead.Received.AddMinutes(4).AddSeconds(30);

        var events = Lead.Decide(GivenLead.New(), new Lead.Contact(GivenLead.Seller, "call", at));

        events.Should().Equal(new LeadContacted(GivenLead.Id, GivenLead.Seller, "call", at, true, 270));
        var state = Lead.Evolve(GivenLead.New(), events[0])!;
        state.Status.Should().Be(LeadStatuses.Contacted);
        state.FirstContactAt.Should().Be(at);
    }

    [Fact]
    public void Later_contacts_count_as_engagement_but_keep_the_first_response_time()
    {
        var state = GivenLead.State(GivenLead.Created(), GivenLead.Contacted(5));

        var events = Lead.Decide(state, new Lead.Contact(GivenLead.Seller, "whatsapp", GivenLead.Received.AddHours(2)));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new { First = false, ResponseSeconds = (long?)null });
        var after = Lead.Evolve(state, events[0])!;
        after.Contacts.Should().Be(2);
        after.FirstContactAt.Should().Be(GivenLead.Received.AddMinutes(5));
    }

    [Fact]
    public void A_qualified_lead_stays_qualified_when_contacted()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadQualified(GivenLead.Id, null));

        var events = Lead.Decide(state, new Lead.Contact(GivenLead.Seller, "call", GivenLead.Received.AddDays(1)));

        Lead.Evolve(state, events[0])!.Status.Should().Be(LeadStatuses.Qualified);
    }

    [Fact]
    public void A_converted_lead_cannot_be_contacted()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadConverted(GivenLead.Id, Guid.CreateVersion7()));

        var act = () => Lead.Decide(state, new Lead.Contact(GivenLead.Seller, "call", GivenLead.Received));

        act.Should().Throw<ConflictException>();
    }
}
