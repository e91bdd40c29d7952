using Platform.Write.Analytics;
using Platform.Write.Catalog;

namespace Platform.Write.Tests.Analytics;

public sealed class SalesTargetsTests
{
    private static readonly Money Cop = new(100_000_000m, "COP");

    [Fact]
    public void Setting_a_months_target_records_it()
    {
        SalesTargets.Decide(SalesTargetsState.Empty, new SalesTargets.SetTarget("2027-03", Cop))
            .Should().Equal(new MonthlyTargetSet("2027-03", 100_000_000m, "COP"));
    }

    [Fact]
    public void A_new_amount_or_currency_replaces_the_months_target_and_leaves_other_months_alone()
    {
        var state = SalesTargets.Fold([new MonthlyTargetSet("2027-03", 100_000_000m, "COP"), new MonthlyTargetSet("2027-04", 5m, "USD")]);

        SalesTargets.Decide(state, new SalesTargets.SetTarget("2027-03", Cop with { Currency = "USD" }))
            .Should().Equal(new MonthlyTargetSet("2027-03", 100_000_000m, "USD"));
        SalesTargets.Fold([new MonthlyTargetSet("2027-03", 1m, "COP"), new MonthlyTargetSet("2027-03", 2m, "COP")]).Months["2027-03"].Amount.Should().Be(2m);
        state.Months.Keys.Should().Equal("2027-03", "2027-04");
    }

    [Fact]
    public void The_same_target_again_changes_nothing()
    {
        var state = SalesTargets.Fold([new MonthlyTargetSet("2027-03", 100_000_000m, "COP")]);

        SalesTargets.Decide(state, new SalesTargets.SetTarget("2027-03", Cop)).Should().BeEmpty();
    }

    [Fact]
    public void Clearing_removes_the_target_and_clearing_a_month_without_one_changes_nothing()
    {
        var state = SalesTargets.Fold([new MonthlyTargetSet("2027-03", 100_000_000m, "COP")]);

        SalesTargets.Decide(state, new SalesTargets.ClearTarget("2027-03")).Should().Equal(new MonthlyTargetCleared("2027-03"));
        SalesTargets.Decide(state, new SalesTargets.ClearTarget("2027-05")).Should().BeEmpty();
        SalesTargets.Fold([new MonthlyTargetSet("2027-03", 1m, "COP"), new MonthlyTargetCleared("2027-03")]).Months.Should().BeEmpty();
    }
}
