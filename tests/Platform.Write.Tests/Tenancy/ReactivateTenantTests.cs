using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class ReactivateTenantTests
{
    [Fact]
    public void A_deactivated_tenant_is_reactivated()
    {
        var state = Given.Tenant(Given.Registered(), new TenantDeactivated("cierre"));

        Tenant.Decide(state, new Tenant.Reactivate()).Should().Equal(new TenantReactivated());
    }

    [Fact]
    public void Reactivating_an_active_tenant_changes_nothing()
    {
        Tenant.Decide(Given.Tenant(Given.Registered()), new Tenant.Reactivate()).Should().BeEmpty();
    }

    [Fact]
    public void Folding_the_reactivation_makes_the_tenant_active_again()
    {
        Given.Tenant(Given.Registered(), new TenantDeactivated("cierre"), new TenantReactivated())!.IsActive.Should().BeTrue();
    }
}
