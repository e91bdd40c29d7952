using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class DeactivateTenantTests
{
    [Fact]
    public void An_active_tenant_is_deactivated_with_its_reason()
    {
        var events = Tenant.Decide(Given.Tenant(Given.Registered()), new Tenant.Deactivate("cierre temporal"));

        events.Should().Equal(new TenantDeactivated("cierre temporal"));
    }

    [Fact]
    public void Deactivating_a_deactivated_tenant_changes_nothing()
    {
        var state = Given.Tenant(Given.Registered(), new TenantDeactivated("cierre"));

        Tenant.Decide(state, new Tenant.Deactivate("otra vez")).Should().BeEmpty();
    }

    [Fact]
    public void Folding_the_deactivation_leaves_the_tenant_inactive()
    {
        Given.Tenant(Given.Registered(), new TenantDeactivated("cierre"))!.IsActive.Should().BeFalse();
    }
}
