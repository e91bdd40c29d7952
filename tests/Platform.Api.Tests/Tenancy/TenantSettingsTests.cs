using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class TenantSettingsTests(TenancyApp app)
{
    [Fact]
    public async Task Any_role_reads_the_tenant_with_its_usage_against_the_plan()
    {
        var owner = await app.Seed.TenantAsync("basic");
        var viewer = await app.Seed.ActiveAsync(owner, Roles.Viewer);

        var tenant = await app.SendAsync(viewer, new GetTenant());

        tenant.Should().BeEquivalentTo(new
        {
            owner.TenantId, Name = "Autos del Norte", Country = "MX", TimeZone = "America/Monterrey", Currency = "MXN",
            Industry = "dealership", Plan = "basic", Status = "active", Version = 1L,
        });
        tenant.Usage.Should().BeEquivalentTo([
            new PlanUsage("catalog-items", 0, 1_000), new PlanUsage("leads-per-month", 0, 500),
            new PlanUsage("users", 2, 5), new PlanUsage("devices", 0, 10)]);
    }

    [Fact]
    public async Task An_admin_replaces_the_settings_and_the_version_moves()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var version = await app.SendAsync(admin, new ChangeTenantSettings("Autos del Sur", "CL", "America/Santiago", "CLP", "retail", ExpectedVersion: 1));

        version.Should().Be(2);
        var tenant = await app.SendAsync(owner, new GetTenant());
        tenant.Should().BeEquivalentTo(new { Name = "Autos del Sur", Country = "CL", TimeZone = "America/Santiago", Currency = "CLP", Industry = "retail", Version = 2L });
        (await app.ScalarAsync<long>("select max(version) from events where tenant_id = $1 and stream_id = 'tenant'", owner.TenantId)).Should().Be(2);
    }

    [Fact]
    public async Task A_stale_expected_version_changes_nothing()
    {
        var owner = await app.Seed.TenantAsync();
        await app.SendAsync(owner, new ChangeTenantSettings("Primero", "MX", "America/Mexico_City", "MXN", "retail", ExpectedVersion: 1));

        var stale = () => app.SendAsync(owner, new ChangeTenantSettings("Segundo", "MX", "America/Mexico_City", "MXN", "retail", ExpectedVersion: 1));

        (await stale.Should().ThrowAsync<WrongExpectedVersionException>()).Which.ActualVersion.Should().Be(2);
        (await app.SendAsync(owner, new GetTenant())).Name.Should().Be("Primero");
    }

    [Fact]
    public async Task A_sales_user_cannot_change_settings()
    {
        var owner = await app.Seed.TenantAsync();
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);

        var change = () => app.SendAsync(seller, new ChangeTenantSettings("Mío", "MX", "America/Mexico_City", "MXN", "retail"));

        await change.Should().ThrowAsync<Write.Domain.AccessDeniedException>();
    }

    [Fact]
    public async Task Invalid_settings_name_each_field()
    {
        var owner = await app.Seed.TenantAsync();

        var change = () => app.SendAsync(owner, new ChangeTenantSettings("", "Mexico", "Mars/Olympus", "pesos", "bakery"));

        var error = (await change.Should().ThrowAsync<FluentValidation.ValidationException>()).Which;
        error.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("name", "country", "timeZone", "currency", "industry");
    }
}
