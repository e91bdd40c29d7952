using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class ChangeTenantPlanTests
{
    [Fact]
    public void An_upgrade_records_both_plans()
    {
        var events = Tenant.Decide(Given.Tenant(Given.Registered("basic")), new Tenant.ChangePlan("pro", Given.Usage(5)));

        events.Should().Equal(new TenantPlanChanged("basic", "pro"));
    }

    [Fact]
    public void A_downgrade_below_current_usage_names_the_limit()
    {
        var state = Given.Tenant(Given.Registered("pro"));

        var decide = () => Tenant.Decide(state, new Tenant.ChangePlan("basic", Given.Usage(6)));

        var error = decide.Should().Throw<PlanBelowUsageException>().Which;
        error.Code.Should().Be("plan-below-usage");
        error.Details.Should().Contain(new KeyValuePair<string, object?>("plan", "basic"))
            .And.Contain(new KeyValuePair<string, object?>("resource", "users"))
            .And.Contain(new KeyValuePair<string, object?>("limit", 5))
            .And.Contain(new KeyValuePair<string, object?>("used", 6L));
    }

    [Fact]
    public void A_downgrade_that_fits_the_usage_is_allowed()
    {
        var events = Tenant.Decide(Given.Tenant(Given.Registered("enterprise")), new Tenant.ChangePlan("basic", Given.Usage(5)));

        events.Should().Equal(new TenantPlanChanged("enterprise", "basic"));
    }

    [Fact]
    public void Enterprise_takes_any_usage()
    {
        var events = Tenant.Decide(Given.Tenant(Given.Registered("pro")), new Tenant.ChangePlan("enterprise", Given.Usage(10_000)));

        events.Should().Equal(new TenantPlanChanged("pro", "enterprise"));
    }

    [Fact]
    public void The_current_plan_again_changes_nothing()
    {
        Tenant.Decide(Given.Tenant(Given.Registered("pro")), new Tenant.ChangePlan("pro", Given.Usage(1))).Should().BeEmpty();
    }

    [Fact]
    public void Folding_the_change_gives_the_new_plan()
    {
        Given.Tenant(Given.Registered("basic"), new TenantPlanChanged("basic", "pro"))!.Plan.Should().Be("pro");
    }
}
