using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class PlansTests
{
    [Theory]
    [InlineData("catalog-items", 999, true)]
    [InlineData("catalog-items", 1_000, false)]
    [InlineData("leads-per-month", 499, true)]
    [InlineData("leads-per-month", 500, false)]
    [InlineData("devices", 9, true)]
    [InlineData("devices", 10, false)]
    public void Basic_allows_adding_only_below_its_limits(string resource, long current, bool allowed)
    {
        var check = () => Plans.Basic.EnsureRoom(resource, current);

        if (allowed) check.Should().NotThrow();
        else check.Should().Throw<PlanLimitReachedException>().Which.Details["resource"].Should().Be(resource);
    }

    [Fact]
    public void Adding_several_at_once_counts_them_all()
    {
        var check = () => Plans.Pro.EnsureRoom(PlanResources.Devices, current: 95, adding: 6);

        check.Should().Throw<PlanLimitReachedException>().Which.Details["limit"].Should().Be(100);
    }

    [Fact]
    public void Enterprise_never_runs_out()
    {
        foreach (var resource in PlanResources.All)
            Plans.Enterprise.Invoking(p => p.EnsureRoom(resource, long.MaxValue - 1)).Should().NotThrow();
    }
}
