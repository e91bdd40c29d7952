using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class CreateLeadTests
{
    [Fact]
    public void A_new_lead_is_created_new_and_unassigned()
    {
        var created = GivenLead.Created();

        var events = Lead.Decide(null, new Lead.Create(created));

        events.Should().Equal(created);
        var state = Lead.Fold(events)!;
        state.Status.Should().Be(LeadStatuses.New);
        state.AssigneeId.Should().BeNull();
        state.ReceivedAt.Should().Be(GivenLead.Received);
    }

    [Fact]
    public void The_same_lead_cannot_be_created_twice()
    {
        var act = () => Lead.Decide(GivenLead.New(), new Lead.Create(GivenLead.Created()));

        act.Should().Throw<ConflictException>().Which.Code.Should().Be("lead-exists");
    }

    [Fact]
    public void A_referred_lead_starts_with_its_referral_pending()
    {
        var referral = Guid.CreateVersion7();

        var state = Lead.Fold(Lead.Decide(null, new Lead.Create(GivenLead.Created(LeadSources.Referral, referral))))!;

        state.ReferralOutcomes.Should().Equal(new Dictionary<Guid, string> { [referral] = "pending" });
    }
}
