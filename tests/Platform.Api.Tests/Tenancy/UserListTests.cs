using Platform.Read.Paging;
using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class UserListTests(TenancyApp app)
{
    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var owner = await app.Seed.TenantAsync("pro");
        var invited = new List<Guid> { owner.UserId };
        for (var i = 0; i < 6; i++) invited.Add((await app.Seed.InvitedAsync(owner, Roles.Viewer)).Member.UserId);

        var seen = new List<UserSummary>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.SendAsync(owner, new ListUsers(owner.TenantId, PageRequest.Of(3, cursor)));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Select(u => u.UserId).Should().Equal(invited);
        seen[0].Should().BeEquivalentTo(new { owner.Email, Role = "owner", Status = "active" });
        seen[1].Status.Should().Be("invited");
    }

    [Fact]
    public async Task Sales_and_viewers_cannot_list_users()
    {
        var owner = await app.Seed.TenantAsync();
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);

        var list = () => app.SendAsync(seller, new ListUsers(owner.TenantId, PageRequest.Of(null, null)));
        await list.Should().ThrowAsync<AccessDeniedException>();
        var get = () => app.SendAsync(seller, new GetUser(owner.TenantId, owner.UserId));
        await get.Should().ThrowAsync<AccessDeniedException>();
    }
}
