using Platform.Read.Paging;
using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class InvitationTests(TenancyApp app)
{
    [Fact]
    public async Task An_invited_person_accepts_and_becomes_an_active_user_with_that_password()
    {
        var owner = await app.Seed.TenantAsync();

        var issued = await app.SendAsync(owner, new InviteUser("  Ana.Perez@Example.com ", Roles.Sales));

        issued.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(7), TimeSpan.FromMinutes(1));
        (await app.ScalarAsync<string>("select status from users where user_id = $1", issued.UserId)).Should().Be("invited");
        (await app.ScalarAsync<string>("select email from users where user_id = $1", issued.UserId)).Should().Be("ana.perez@example.com");
        (await app.ScalarAsync<string>("select recipient from outbox where kind = 'invitation' and payload->>'userId' = $1", issued.UserId.ToString()))
            .Should().Be("ana.perez@example.com");

        var accepted = await app.SendAnonymousAsync(new AcceptInvitation(issued.Token, "Ana Pérez", "otra-clave-segura-456"));

        accepted.Should().Be(new AcceptedInvitation(issued.UserId, "ana.perez@example.com"));
        var user = await app.SendAsync(owner, new GetUser(owner.TenantId, issued.UserId));
        user!.Status.Should().Be("active");
        user.DisplayName.Should().Be("Ana Pérez");
        user.Role.Should().Be(Roles.Sales);
        user.Version.Should().Be(2);
        var hash = await app.ScalarAsync<string>("select password_hash from users where user_id = $1", issued.UserId);
        Passwords.Verify(hash, "otra-clave-segura-456").Should().BeTrue();
    }

    [Fact]
    public async Task A_token_works_only_once()
    {
        var owner = await app.Seed.TenantAsync();
        var (_, issued) = await app.Seed.InvitedAsync(owner, Roles.Viewer);
        await app.SendAnonymousAsync(new AcceptInvitation(issued.Token, "Primera", TenantSeed.Password));

        var again = () => app.SendAnonymousAsync(new AcceptInvitation(issued.Token, "Segunda", TenantSeed.Password));

        (await again.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("invalid-invitation");
        (await app.SendAsync(owner, new GetUser(owner.TenantId, issued.UserId)))!.DisplayName.Should().Be("Primera");
    }

    [Fact]
    public async Task Tampered_expired_and_malformed_tokens_all_get_the_same_answer()
    {
        var owner = await app.Seed.TenantAsync();
        var (_, issued) = await app.Seed.InvitedAsync(owner, Roles.Viewer);
        var tampered = issued.Token[..^2] + (issued.Token[^2] == 'A' ? "B" : "A") + issued.Token[^1];
        var (_, expiring) = await app.Seed.InvitedAsync(owner, Roles.Viewer);
        await app.ExecuteAsync("update invitations set expires_at = now() - interval '1 second' where user_id = $1", expiring.UserId);

        foreach (var token in new[] { tampered, expiring.Token, "not-a-token", new string('A', 86) })
        {
            var accept = () => app.SendAnonymousAsync(new AcceptInvitation(token, "Nadie", TenantSeed.Password));
            (await accept.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("invalid-invitation");
        }
        (await app.ScalarAsync<long>("select count(*) from users where tenant_id = $1 and status = 'active'", owner.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task A_sales_user_cannot_invite()
    {
        var owner = await app.Seed.TenantAsync();
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);

        var invite = () => app.SendAsync(seller, new InviteUser("nuevo@example.com", Roles.Viewer));

        await invite.Should().ThrowAsync<AccessDeniedException>();
        (await app.ScalarAsync<long>("select count(*) from users where email = 'nuevo@example.com'")).Should().Be(0);
    }

    [Fact]
    public async Task Only_an_owner_may_invite_an_owner()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var byAdmin = () => app.SendAsync(admin, new InviteUser($"{Guid.NewGuid():N}@example.com", Roles.Owner));
        await byAdmin.Should().ThrowAsync<AccessDeniedException>();

        var byOwner = await app.SendAsync(owner, new InviteUser($"{Guid.NewGuid():N}@example.com", Roles.Owner));
        byOwner.UserId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_basic_plan_counts_active_and_invited_users_up_to_five()
    {
        var owner = await app.Seed.TenantAsync("basic");
        await app.Seed.ActiveAsync(owner, Roles.Admin);
        for (var i = 0; i < 3; i++) await app.Seed.InvitedAsync(owner, Roles.Sales);

        var sixth = () => app.SendAsync(owner, new InviteUser("sexto@example.com", Roles.Sales));

        var error = (await sixth.Should().ThrowAsync<PlanLimitReachedException>()).Which;
        error.Details.Should().BeEquivalentTo(new Dictionary<string, object?> { ["plan"] = "basic", ["resource"] = "users", ["limit"] = 5 });
        (await app.ScalarAsync<long>("select count(*) from users where email = 'sexto@example.com'")).Should().Be(0);

        await app.SendAsync(owner, new ChangeTenantPlan("pro"));
        (await app.SendAsync(owner, new InviteUser("sexto@example.com", Roles.Sales))).UserId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_address_that_has_an_account_in_any_tenant_is_unavailable_and_nothing_is_written()
    {
        var first = await app.Seed.TenantAsync();
        var second = await app.Seed.TenantAsync();
        var eventsBefore = await app.ScalarAsync<long>("select count(*) from events where tenant_id = $1", second.TenantId);

        var invite = () => app.SendAsync(second, new InviteUser(first.Email.ToUpperInvariant(), Roles.Sales));

        (await invite.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("email-unavailable");
        (await app.ScalarAsync<long>("select count(*) from events where tenant_id = $1", second.TenantId)).Should().Be(eventsBefore);
        var users = await app.SendAsync(second, new ListUsers(second.TenantId, PageRequest.Of(null, null)));
        users.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task A_withdrawn_invitation_can_no_longer_be_accepted_and_frees_its_seat()
    {
        var owner = await app.Seed.TenantAsync();
        var (invitee, issued) = await app.Seed.InvitedAsync(owner, Roles.Sales);

        await app.SendAsync(owner, new DeactivateUser(invitee.UserId, "se equivocó de correo"));

        var accept = () => app.SendAnonymousAsync(new AcceptInvitation(issued.Token, "Tarde", TenantSeed.Password));
        (await accept.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("invalid-invitation");
        var tenant = await app.SendAsync(owner, new GetTenant());
        tenant.Usage.Should().ContainEquivalentOf(new PlanUsage("users", 1, 5));
    }

    [Fact]
    public async Task Invalid_input_names_each_field()
    {
        var owner = await app.Seed.TenantAsync();

        var invite = () => app.SendAsync(owner, new InviteUser("no-es-correo", "superuser"));

        var error = (await invite.Should().ThrowAsync<FluentValidation.ValidationException>()).Which;
        error.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("email", "role");
    }
}
