using Platform.Write.Domain;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class ReferLeadTests
{
    private static readonly Guid Referral = Guid.CreateVersion7();
    private static readonly Guid Partner = Guid.CreateVersion7();

    [Fact]
    public void A_lead_is_referred_to_a_partner_with_its_commission()
    {
        var events = Lead.Decide(GivenLead.New(), new Lead.Refer(Referral, Partner, "Autos del Sur", 10m));

        events.Should().Equal(new LeadReferred(GivenLead.Id, Referral, Partner, "Autos del Sur", 10m));
        Lead.Evolve(GivenLead.New(), events[0])!.ReferralOutcomes[Referral].Should().Be("pending");
    }

    [Fact]
    public void Referring_the_same_referral_again_changes_nothing()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadReferred(GivenLead.Id, Referral, Partner, "Autos del Sur", 10m));

        Lead.Decide(state, new Lead.Refer(Referral, Partner, "Autos del Sur", 10m)).Should().BeEmpty();
    }

    [Fact]
    public void A_received_referral_cannot_be_referred_on()
    {
        var state = GivenLead.State(GivenLead.Created(LeadSources.Referral, Guid.CreateVersion7()));

        var act = () => Lead.Decide(state, new Lead.Refer(Referral, Partner, "Autos del Sur", 10m));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("lead-referred-in");
    }

    [Fact]
    public void Outcomes_move_from_pending_to_accepted_to_won_and_then_stay()
    {
        var state = GivenLead.State(GivenLead.Created(), new LeadReferred(GivenLead.Id, Referral, Partner, "Autos del Sur", 10m));

        var accepted = Lead.Decide(state, new Lead.ReportOutcome(Referral, ReferralOutcomes.Accepted, null));
        state = Lead.Evolve(state, accepted.Single());
        var won = Lead.Decide(state, new Lead.ReportOutcome(Referral, ReferralOutcomes.Won, 50_000m));
        state = Lead.Evolve(state, won.Single());

        won.Should().Equal(new ReferralOutcomeReported(GivenLead.Id, Referral, ReferralOutcomes.Won, 50_000m));
        Lead.Decide(state, new Lead.ReportOutcome(Referral, ReferralOutcomes.Won, 50_000m)).Should().BeEmpty();
        var act = () => Lead.Decide(state, new Lead.ReportOutcome(Referral, ReferralOutcomes.Lost, null));
        act.Should().Throw<ConflictException>().Which.Code.Should().Be("referral-closed");
    }

    [Fact]
    public void An_unknown_referral_is_not_found()
    {
        var act = () => Lead.Decide(GivenLead.New(), new Lead.ReportOutcome(Referral, ReferralOutcomes.Lost, null));

        act.Should().Throw<NotFoundException>();
    }
}
