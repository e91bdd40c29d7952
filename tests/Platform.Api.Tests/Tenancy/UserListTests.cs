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
        var created = new List<Guid> { owner.UserId };
        for (var i = 0; i < 6; i++) created.Add((await app.Seed.InvitedAsync(owner, Roles.Viewer)).Member.UserId);

        var pages = new List<IReadOnlyList<UserSummary>>();
        string? cursor = null;
        do
        {
            var page = await app.SendAsync(owner, new ListUsers(owner.TenantId, PageRequest.Of(3, cursor)));
            pages.Add(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        pages.Select(p => p.Count).Should().Equal(3, 3, 1);
        var seen = pages.SelectMany(p => p).ToList();
        seen.Select(u => u.UserId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(created);
        // The key is the id. Version 7 ids made within one millisecond need not sort in creation
        // order, so the order checked is the key's: PostgreSQL compares uuids byte by byte, as their
        // text sorts. Ascending across page boundaries too, which is what the cursor must keep.
        seen.Select(u => u.UserId.ToString("D")).Should().BeInAscendingOrder(StringComparer.Ordinal);
        seen.Single(u => u.UserId == owner.UserId).Should().BeEquivalentTo(new { owner.Email, Role = "owner", Status = "active" });
        seen.Where(u => u.UserId != owner.UserId).Should().OnlyContain(u => u.Status == "invited" && u.Role == Roles.Viewer);
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
