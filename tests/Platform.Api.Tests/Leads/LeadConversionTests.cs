using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Leads;

public sealed class LeadConversionTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_lead_converts_once_inside_the_callers_transaction_and_a_disqualified_one_never()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var lead = await LeadRequests.CreateAsync(client);
        var discarded = await LeadRequests.CreateAsync(client, LeadRequests.Body("Otro", "300 888 0000"));
        using (var _ = await LeadRequests.PostAsync(client, $"/api/leads/{discarded}/disqualify", new { reason = "Spam" })) { }
        var opportunity = Guid.CreateVersion7();

        await ConvertAsync(owner.TenantId, lead, opportunity);

        var read = await LeadRequests.GetJsonAsync(client, $"/api/leads/{lead}");
        read.GetProperty("status").GetString().Should().Be("converted");
        read.GetProperty("opportunityId").GetGuid().Should().Be(opportunity);
        (await FluentActions.Awaiting(() => ConvertAsync(owner.TenantId, lead, Guid.CreateVersion7())).Should().ThrowAsync<ConflictException>())
            .Which.Code.Should().Be("lead-converted");
        (await FluentActions.Awaiting(() => ConvertAsync(owner.TenantId, discarded, Guid.CreateVersion7())).Should().ThrowAsync<DomainException>())
            .Which.Code.Should().Be("lead-disqualified");
        var other = await TestAccounts.RegisterTenantAsync(api.Client);
        await FluentActions.Awaiting(() => ConvertAsync(other.TenantId, lead, Guid.CreateVersion7())).Should().ThrowAsync<NotFoundException>();
    }

    private async Task ConvertAsync(Guid tenant, Guid lead, Guid opportunity)
    {
        using var scope = api.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<CommandContext>();
        context.ActFor(tenant);
        await using var tx = await services.GetRequiredService<TenantDatabase>().BeginAsync(tenant);
        await LeadConversion.ConvertAsync(tx, services.GetRequiredService<TransactionalAppend>(), services.GetRequiredService<EventSerializer>(), context,
            lead, opportunity, DateTimeOffset.UtcNow, default);
        await tx.CommitAsync();
    }
}
