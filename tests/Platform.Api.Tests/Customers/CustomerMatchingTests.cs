using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Write.Customers;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Customers;

public sealed class CustomerMatchingTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Two_requests_of_the_same_new_person_at_once_make_one_customer()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var contact = new ContactInput("Laura Ríos", ["300 777 8899"], ["laura@example.test"]);

        var matches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => MatchAsync(owner.TenantId, contact)));

        matches.Select(m => m.CustomerId).Distinct().Should().ContainSingle();
        matches.Count(m => m.Outcome == MatchOutcome.Created).Should().Be(1);
        matches.Count(m => m.Outcome == MatchOutcome.Unchanged).Should().Be(5);
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task The_same_person_written_another_way_is_found_and_what_is_new_merged()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var first = await MatchAsync(owner.TenantId, new ContactInput("Pedro Ruiz", ["+57 300 123 4567"], []));

        var again = await MatchAsync(owner.TenantId, new ContactInput(null, ["(300) 123-4567"], ["PEDRO@Example.test"]));
        var byEmail = await MatchAsync(owner.TenantId, new ContactInput("P. Ruiz", [], [" pedro@example.test"]));

        again.Should().Match<CustomerMatch>(m => m.CustomerId == first.CustomerId && m.Outcome == MatchOutcome.Merged);
        byEmail.Should().Match<CustomerMatch>(m => m.CustomerId == first.CustomerId && m.Outcome == MatchOutcome.Unchanged);
        (await api.ScalarAsync<string[]>("select emails from customers where customer_id = $1", first.CustomerId)).Should().Equal("pedro@example.test");
        (await api.ScalarAsync<long>("select version from customers where customer_id = $1", first.CustomerId)).Should().Be(2);
    }

    [Fact]
    public async Task Won_opportunities_recorded_as_purchases_make_a_customer_frequent_and_count_once()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var customer = (await MatchAsync(owner.TenantId, new ContactInput("Marta Gil", ["300 222 4455"], []))).CustomerId;
        var opportunities = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        foreach (var opportunity in opportunities.Append(opportunities[0])) await PurchaseAsync(owner.TenantId, customer, opportunity);

        using var client = api.Client.WithBearer(owner);
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers/segments/frequent")).Should().Equal(customer);
        (await api.ScalarAsync<long>("select version from customers where customer_id = $1", customer)).Should().Be(4);
    }

    private async Task PurchaseAsync(Guid tenant, Guid customer, Guid opportunity)
    {
        using var scope = api.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<CommandContext>();
        context.ActFor(tenant);
        await using var tx = await services.GetRequiredService<TenantDatabase>().BeginAsync(tenant);
        var purchase = await CustomerPurchases.PrepareAsync(tx, services.GetRequiredService<EventSerializer>(), customer, opportunity, 1000m, "COP",
            DateTimeOffset.UtcNow.AddDays(-1), default) ?? throw new InvalidOperationException("The customer is missing.");
        if (purchase.ToAppend(context) is { } append)
        {
            var result = await services.GetRequiredService<TransactionalAppend>().AppendAsync(tx, [append]);
            await CustomerMatching.SaveAsync(tx, purchase, result[0].StreamVersion, DateTimeOffset.UtcNow, default);
        }
        await tx.CommitAsync();
    }

    private async Task<CustomerMatch> MatchAsync(Guid tenant, ContactInput input)
    {
        using var scope = api.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<CommandContext>();
        context.ActFor(tenant);
        await using var tx = await services.GetRequiredService<TenantDatabase>().BeginAsync(tenant);
        var contact = CustomerContacts.Normalize(input, await CustomerContacts.CountryAsync(tx, default), nameRequired: false);
        var match = await CustomerMatching.MatchAsync(tx, context, services.GetRequiredService<TransactionalAppend>(),
            services.GetRequiredService<EventSerializer>(), contact, null, CustomerSources.Lead, DateTimeOffset.UtcNow, default);
        await tx.CommitAsync();
        return match;
    }
}
