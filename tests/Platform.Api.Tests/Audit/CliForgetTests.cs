using System.Net.Http.Json;
using Platform.Api.Cli;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Audit;

public sealed class CliForgetTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_tool_forgets_a_customer_for_an_owner_and_refuses_anyone_else()
    {
        await using var host = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        using var created = await asOwner.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative),
            Customers.CustomerRequests.Body("Marta Canario Olvido", "300 444 1212", "marta-canario@example.test"));
        var customer = (await TestAccounts.ReadJsonAsync(created)).GetProperty("customerId").GetGuid();

        using var refused = new StringWriter();
        (await Forget(owner.TenantId, customer, "no-es-dueno@example.test", refused)).Should().Be(1, refused.ToString());
        using var output = new StringWriter();
        (await Forget(owner.TenantId, customer, owner.Email, output)).Should().Be(0, output.ToString());
        output.ToString().Should().Contain($"forgotten: {customer:D}");

        var read = await AuditWorld.GetAsync(asOwner, $"/api/customers/{customer}");
        read.GetProperty("name").GetString().Should().NotContain("Canario");
        read.ToString().Should().NotContain("marta-canario");
    }

    private Task<int> Forget(Guid tenant, Guid subject, string by, TextWriter output) => PlatformCli.RunAsync(
        ["forget", "--tenant", tenant.ToString(), "--subject", subject.ToString(), "--reason", "Solicitud de borrado del titular",
         "--by", by, "--connection", database.ConnectionString], output);
}
