using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class TenantPlanTests(TenancyApp app)
{
    [Fact]
    public async Task The_owner_changes_the_plan_and_the_limits_follow()
    {
        var owner = await app.Seed.TenantAsync("basic");

        await app.SendAsync(owner, new ChangeTenantPlan("enterprise"));

        var tenant = await app.SendAsync(owner, new GetTenant());
        tenant.Plan.Should().Be("enterprise");
        tenant.Usage.Should().OnlyContain(u => u.Limit == null);
        (await app.ScalarAsync<string>("select data->>'from' from events where tenant_id = $1 and type = 'tenancy.tenant-plan-changed.v1'", owner.TenantId))
            .Should().Be("basic");
    }

    [Fact]
    public async Task A_downgrade_below_the_users_it_has_is_refused_naming_the_limit()
    {
        var owner = await app.Seed.TenantAsync("pro");
        for (var i = 0; i < 5; i++) await app.Seed.InvitedAsync(owner, Roles.Sales);

        var downgrade = () => app.SendAsync(owner, new ChangeTenantPlan("basic"));

        var error = (await downgrade.Should().ThrowAsync<PlanBelowUsageException>()).Which;
        error.Details.Should().BeEquivalentTo(new Dictionary<string, object?> { ["plan"] = "basic", ["resource"] = "users", ["limit"] = 5, ["used"] = 6L });
        (await app.SendAsync(owner, new GetTenant())).Plan.Should().Be("pro");
    }

    [Fact]
    public async Task Only_the_owner_changes_the_plan()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var change = () => app.SendAsync(admin, new ChangeTenantPlan("pro"));

        await change.Should().ThrowAsync<AccessDeniedException>();
    }

    [Fact]
    public async Task An_unknown_plan_is_a_field_error()
    {
        var owner = await app.Seed.TenantAsync();

        var change = () => app.SendAsync(owner, new ChangeTenantPlan("gold"));

        (await change.Should().ThrowAsync<FluentValidation.ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "plan");
    }
}
