using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Buyers;
using Platform.Api.Tests.Leads;
using Platform.Testing;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Privacy;

/// <summary>
/// Canaries planted through the real endpoints (a buyer's quote, an invited user's address and name)
/// are gone from every table and every log line once their subjects are forgotten and every
/// projection rebuilt, while the stored events keep their exact bytes.
/// </summary>
public sealed class ForgetSubjectTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private readonly LogCapture logs = new();

    private Task<ApiHost> StartAsync() => PrivacyRequests.StartAsync(database, logs);

    private static string Canary() => PrivacyRequests.Canary();

    [Fact]
    public async Task Forgotten_people_leave_no_trace_in_any_table_log_read_or_rebuild_and_events_keep_their_bytes()
    {
        await using var host = await StartAsync();
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOwner = host.Client.WithBearer(owner);
        var listing = await BuyerApiFixture.ListingAsync(asOwner);
        var (buyer, phone, invited) = (Canary(), PrivacyRequests.Phone(), Canary());
        var buyerCanaries = new[] { buyer, phone, phone.Replace(" ", "", StringComparison.Ordinal) };

        using var quote = await host.Client.PostAsJsonAsync(new Uri($"/api/public/{owner.Slug}/listings/{listing}/quote", UriKind.Relative),
            new { name = $"Nombre {buyer}", phone, email = $"{buyer}@example.test", message = $"Mensaje {buyer}", consent = true });
        quote.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var quoteId = (await TestAccounts.ReadJsonAsync(quote)).GetProperty("quoteId").GetGuid();
        using (var refused = await host.Client.PostAsJsonAsync(new Uri($"/api/public/{owner.Slug}/listings/{listing}/quote", UriKind.Relative),
            new { name = $"Nombre {buyer}", phone = $"tel {buyer}", email = $"correo {buyer}", message = "", consent = true }))
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "refused input must not reach the logs either");
        var userId = await InviteAcceptAndDeactivateAsync(host.Client, asOwner, invited);
        // The quote becomes a lead of a new customer: the buyer's key and the quote's, linked.
        var customerId = (await LeadRequests.EventuallyAsync<Guid?>(async () => await asOwner.GetAsync(new Uri($"/api/leads/{quoteId}", UriKind.Relative)) is
            { IsSuccessStatusCode: true } lead ? (await TestAccounts.ReadJsonAsync(lead)).GetProperty("customerId").GetGuid() : null))!.Value;

        (await DatabaseScan.TablesContainingAsync(database.DataSource, buyer)).Should()
            .BeEquivalentTo(["public.customer_contacts", "public.customers", "public.leads"], "events hold personal data sealed only, write-side rows in plain");
        (await DatabaseScan.TablesContainingAsync(database.DataSource, invited)).Should().Contain("public.users", "the scan finds plain copies");
        (await ReadQuoteAsync(host, owner.TenantId, quoteId)).Name.Should().Be($"Nombre {buyer}");
        var storedBefore = await StoredEventsAsync(owner.TenantId);

        (await ForgetAsync(asOwner, owner.UserId)).StatusCode.Should().Be(HttpStatusCode.Conflict, "an active user still signs in with that address");
        (await ForgetAsync(asOwner, quoteId, reason: " ")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var other = await TestAccounts.RegisterTenantAsync(host.Client);
        using (var asOther = host.Client.WithBearer(other))
            (await ForgetAsync(asOther, quoteId)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var sales = await TestAccounts.AddSignedInUserAsync(host.Client, database.DataSource, owner.TenantId, "sales");
        using (var asSales = host.Client.WithBearer(sales))
            (await ForgetAsync(asSales, quoteId)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var forgotBuyer = await ForgetAsync(asOwner, customerId);
        using var forgotUser = await ForgetAsync(asOwner, userId);
        forgotBuyer.StatusCode.Should().Be(HttpStatusCode.OK);
        forgotUser.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestAccounts.ReadJsonAsync(forgotBuyer)).GetProperty("subjects").EnumerateArray().Select(s => s.GetGuid())
            .Should().BeEquivalentTo([customerId, quoteId], "forgetting the customer forgets the quote it came from");
        (await ForgetAsync(asOwner, customerId)).StatusCode.Should().Be(HttpStatusCode.OK, "forgetting again changes nothing");
        (await ForgetAsync(asOwner, quoteId)).StatusCode.Should().Be(HttpStatusCode.OK, "the quote is already forgotten");
        await PrivacyRequests.RebuildEveryProjectionAsync(host);

        await PrivacyRequests.ShouldLeaveNoTraceAsync(database, logs, buyerCanaries.Append(invited));
        var storedAfter = await StoredEventsAsync(owner.TenantId);
        storedAfter.Should().ContainInOrder(storedBefore).And.HaveCount(storedBefore.Count + 2, "only the two forgetting events are new");

        (await ReadQuoteAsync(host, owner.TenantId, quoteId)).Should().Match<QuoteRequested>(q =>
            q.Name == "[borrado]" && q.Phone == "[borrado]" && q.Email == "[borrado]" && q.Message == "[borrado]" && q.ListingId == listing);
        var user = await TestAccounts.ReadJsonAsync(await asOwner.GetAsync(new Uri($"/api/users/{userId}", UriKind.Relative)));
        user.GetProperty("displayName").GetString().Should().Be("[borrado]");
        user.GetProperty("status").GetString().Should().Be("deactivated");
        var (events, _) = await ReadUserStreamAsync(host, owner.TenantId, userId);
        events.OfType<UserInvited>().Single().Email.Should().Be("[borrado]");
        events.OfType<InvitationAccepted>().Single().DisplayName.Should().Be("[borrado]");
    }

    private static async Task<Guid> InviteAcceptAndDeactivateAsync(HttpClient anonymous, HttpClient owner, string canary)
    {
        using var invite = await owner.PostAsJsonAsync(new Uri("/api/users/invite", UriKind.Relative), new { email = $"{canary}@example.test", role = "sales" });
        invite.StatusCode.Should().Be(HttpStatusCode.Created);
        var issued = await TestAccounts.ReadJsonAsync(invite);
        using var accept = await anonymous.PostAsJsonAsync(new Uri("/api/users/accept", UriKind.Relative),
            new { token = issued.GetProperty("token").GetString(), displayName = $"Vendedora {canary}", password = "una-clave-segura-789" });
        accept.StatusCode.Should().Be(HttpStatusCode.OK);
        var userId = issued.GetProperty("userId").GetGuid();
        await TestAccounts.SignInAsync(anonymous, $"{canary}@example.test", "una-clave-segura-789");
        using var deactivate = await owner.PostAsJsonAsync(new Uri($"/api/users/{userId}/deactivate", UriKind.Relative), new { reason = "dejó la empresa" });
        deactivate.StatusCode.Should().Be(HttpStatusCode.NoContent);
        return userId;
    }

    private static Task<HttpResponseMessage> ForgetAsync(HttpClient client, Guid subject, string reason = "solicitud de supresión del titular") =>
        PrivacyRequests.ForgetAsync(client, subject, reason);

    private static async Task<QuoteRequested> ReadQuoteAsync(ApiHost host, Guid tenantId, Guid quoteId) =>
        (QuoteRequested)(await host.Services.GetRequiredService<EventReader>().ReadStreamAsync(tenantId, CatalogEvents.QuoteStream(quoteId)))[0].Data!;

    private static async Task<(List<object> Events, long Version)> ReadUserStreamAsync(ApiHost host, Guid tenantId, Guid userId)
    {
        await using var tx = await host.Services.GetRequiredService<TenantDatabase>().BeginAsync(tenantId);
        return await tx.ReadStreamAsync(host.Services.GetRequiredService<EventSerializer>(), TenancyEvents.UserStream(userId), CancellationToken.None);
    }

    private async Task<List<string>> StoredEventsAsync(Guid tenantId)
    {
        await using var command = database.DataSource.CreateCommand(
            "select position || ' ' || encode(sha256(convert_to(data::text, 'UTF8')), 'hex') from events where tenant_id = $1 order by position");
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
