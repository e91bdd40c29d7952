using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class ScoreLeadTests
{
    private static readonly ScoreInputs Strong = new(LeadSources.Quote, 100_000m, 90_000m, LeadTimelines.Immediate, true, true, true, 1, 0);

    [Fact]
    public void Every_factor_gives_its_points_and_says_why()
    {
        var score = LeadScoring.Score(Strong, ScoringWeights.Default);

        score.Reasons.Select(r => (r.Factor, r.Points)).Should().Equal(
            ("source", 20), ("budget", 20), ("timeline", 20), ("completeness", 15), ("engagement", 10));
        score.Points.Should().Be(85);
        score.Band.Should().Be("hot");
        score.Reasons.Should().OnlyContain(r => r.Detail.Length > 0);
    }

    [Theory]
    [InlineData(100_000, 20)]
    [InlineData(80_000, 10)]
    [InlineData(50_000, 0)]
    public void Budget_fit_is_measured_against_the_listings_price(decimal budget, int points)
    {
        var score = LeadScoring.Score(Strong with { Budget = budget, ListingPrice = 100_000m }, ScoringWeights.Default);

        score.Reasons.Single(r => r.Factor == LeadScoring.Budget).Points.Should().Be(points);
    }

    [Fact]
    public void Weights_scale_each_factor_and_the_reason_shows_the_weight()
    {
        var weights = new Dictionary<string, decimal>(ScoringWeights.Default) { [LeadScoring.Timeline] = 2m, [LeadScoring.Source] = 0m };

        var score = LeadScoring.Score(Strong, weights);

        score.Reasons.Single(r => r.Factor == LeadScoring.Timeline).Should().BeEquivalentTo(new { Points = 40, Detail = "Quiere comprar ya (peso 2)" });
        score.Reasons.Single(r => r.Factor == LeadScoring.Source).Points.Should().Be(0);
    }

    [Fact]
    public void A_bare_lead_is_cold()
    {
        var score = LeadScoring.Score(new ScoreInputs(LeadSources.Manual, null, null, null, true, false, true, 0, 0), ScoringWeights.Default);

        score.Points.Should().Be(16);
        score.Band.Should().Be("cold");
    }

    [Fact]
    public void A_score_change_is_an_event_with_its_reasons_and_the_same_score_is_none()
    {
        var score = LeadScoring.Score(Strong, ScoringWeights.Default);

        var events = Lead.Decide(GivenLead.New(), score);
        var scored = events.Should().ContainSingle().Which.Should().BeOfType<LeadScored>().Subject;
        scored.Reasons.Should().HaveCount(5);

        Lead.Decide(Lead.Evolve(GivenLead.New(), scored), score).Should().BeEmpty();
        Lead.Decide(Lead.Evolve(GivenLead.New(), scored), LeadScoring.Score(Strong with { Contacts = 1 }, ScoringWeights.Default)).Should().ContainSingle();
    }

    [Fact]
    public void Weights_outside_0_to_5_or_unknown_factors_are_refused_by_name()
    {
        var act = () => ScoringWeights.Validate(new Dictionary<string, decimal> { ["budget"] = 6m, ["luck"] = 1m });

        act.Should().Throw<FluentValidation.ValidationException>().Which.Errors.Select(e => e.PropertyName)
            .Should().BeEquivalentTo(["weights.budget", "weights.luck"]);
    }
}
