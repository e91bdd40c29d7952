using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class ChangeTenantSettingsTests
{
    private static readonly TenantProfile NewProfile = new("Autos del Sur", "CL", "America/Santiago", "CLP", "retail");

    [Fact]
    public void New_settings_are_recorded_in_full()
    {
        var events = Tenant.Decide(Given.Tenant(Given.Registered()), new Tenant.ChangeSettings(NewProfile));

        events.Should().Equal(new TenantSettingsChanged("Autos del Sur", "CL", "America/Santiago", "CLP", "retail"));
    }

    [Fact]
    public void Settings_equal_to_the_current_ones_change_nothing()
    {
        var registered = Given.Registered();
        var same = new TenantProfile(registered.Name, registered.Country, registered.TimeZone, registered.Currency, registered.Industry);

        Tenant.Decide(Given.Tenant(registered), new Tenant.ChangeSettings(same)).Should().BeEmpty();
    }

    [Fact]
    public void Folding_the_change_gives_the_new_profile()
    {
        var state = Given.Tenant(Given.Registered(), new TenantSettingsChanged("Autos del Sur", "CL", "America/Santiago", "CLP", "retail"));

        state!.Profile.Should().Be(NewProfile);
    }

    [Fact]
    public void A_deactivated_tenant_cannot_change_its_settings()
    {
        var state = Given.Tenant(Given.Registered(), new TenantDeactivated("cierre"));

        var decide = () => Tenant.Decide(state, new Tenant.ChangeSettings(NewProfile));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("tenant-deactivated");
    }

    [Fact]
    public void A_tenant_with_no_history_is_not_found()
    {
        var decide = () => Tenant.Decide(null, new Tenant.ChangeSettings(NewProfile));

        decide.Should().Throw<NotFoundException>();
    }
}
