using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

/// <summary>Seat and owner counts are read before the append: commands at the same time must still respect them.</summary>
[Collection(TenancyCollection.Name)]
public sealed class MembershipRaceTests(TenancyApp app)
{
    [Fact]
    public async Task Simultaneous_invitations_never_pass_the_plans_seat_limit()
    {
        var owner = await app.Seed.TenantAsync("basic");
        await app.Seed.InvitedAsync(owner, Roles.Viewer);
        await app.Seed.InvitedAsync(owner, Roles.Viewer);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => OutcomeAsync(
            () => app.SendAsync(owner, new InviteUser($"carrera-{i}-{Guid.NewGuid():N}@example.com", Roles.Sales)))));

        outcomes.Count(o => o == "ok").Should().Be(2);
        outcomes.Count(o => o == "plan-limit-reached").Should().Be(4);
        (await app.ScalarAsync<long>("select count(*) from users where tenant_id = $1", owner.TenantId)).Should().Be(5);
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_once_leave_one_owner()
    {
        var first = await app.Seed.TenantAsync();
        var second = await app.Seed.ActiveAsync(first, Roles.Owner);

        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => app.SendAsync(first, new ChangeUserRole(second.UserId, Roles.Admin))),
            OutcomeAsync(() => app.SendAsync(second, new ChangeUserRole(first.UserId, Roles.Admin))));

        outcomes.Should().Contain("ok");
        (await app.ScalarAsync<long>("select count(*) from users where tenant_id = $1 and role = 'owner' and status = 'active'", first.TenantId))
            .Should().Be(1);
    }

    private static async Task<string> OutcomeAsync<T>(Func<Task<T>> send)
    {
        try
        {
            await send();
            return "ok";
        }
        catch (DomainException error)
        {
            return error.Code;
        }
    }
}
