using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Leads;

public sealed class ReferralTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_referral_gives_the_receiver_its_own_lead_each_side_sees_its_own_and_the_outcome_reaches_the_sender()
    {
        var (sender, receiver) = (await TestAccounts.RegisterTenantAsync(api.Client), await TestAccounts.RegisterTenantAsync(api.Client));
        using var asSender = api.Client.WithBearer(sender);
        using var asReceiver = api.Client.WithBearer(receiver);
        await LeadRequests.JoinNetworkAsync(asSender);
        await LeadRequests.JoinNetworkAsync(asReceiver);
        var lead = await LeadRequests.CreateAsync(asSender, LeadRequests.Body("Camila Torres", "300 777 1212", "camila@example.test"));

        using var referred = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 12.5m });
        referred.StatusCode.Should().Be(HttpStatusCode.Created);
        var referralId = (await TestAccounts.ReadJsonAsync(referred)).GetProperty("referralId").GetGuid();

        var received = (await LeadRequests.GetJsonAsync(asReceiver, "/api/referrals?direction=received")).GetProperty("items").EnumerateArray().Single();
        received.GetProperty("referralId").GetGuid().Should().Be(referralId);
        received.GetProperty("commissionPercent").GetDecimal().Should().Be(12.5m);
        var theirLead = received.GetProperty("leadId").GetGuid();
        theirLead.Should().NotBe(lead);
        var copy = await LeadRequests.GetJsonAsync(asReceiver, $"/api/leads/{theirLead}");
        copy.GetProperty("source").GetString().Should().Be("referral");
        copy.GetProperty("phone").GetString().Should().Be("+573007771212");
        copy.GetProperty("customerId").GetGuid().Should().NotBe((await LeadRequests.GetJsonAsync(asSender, $"/api/leads/{lead}")).GetProperty("customerId").GetGuid());
        (await LeadRequests.GetJsonAsync(asReceiver, "/api/referrals?direction=sent")).GetProperty("items").GetArrayLength().Should().Be(0);
        using (var hidden = await asReceiver.GetAsync(new Uri($"/api/leads/{lead}", UriKind.Relative))) hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var senderReports = await LeadRequests.PostAsync(asSender, $"/api/referrals/{referralId}/outcome", new { outcome = "won", amount = 1000m });
        senderReports.StatusCode.Should().Be(HttpStatusCode.NotFound, "only the receiver reports the outcome");
        using var noAmount = await LeadRequests.PostAsync(asReceiver, $"/api/referrals/{referralId}/outcome", new { outcome = "won" });
        noAmount.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var won = await LeadRequests.PostAsync(asReceiver, $"/api/referrals/{referralId}/outcome", new { outcome = "won", amount = 95_000_000m });
        won.StatusCode.Should().Be(HttpStatusCode.OK);

        var sent = (await LeadRequests.GetJsonAsync(asSender, "/api/referrals?direction=sent")).GetProperty("items").EnumerateArray().Single();
        sent.GetProperty("leadId").GetGuid().Should().Be(lead);
        sent.GetProperty("outcome").GetString().Should().Be("won");
        sent.GetProperty("amount").GetDecimal().Should().Be(95_000_000m);
        sent.GetProperty("partnerName").GetString().Should().Be("Automotores de Prueba");
        (await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1 and type = 'leads.referral-outcome-reported.v1'", sender.TenantId)).Should().Be(1);
        using var lost = await LeadRequests.PostAsync(asReceiver, $"/api/referrals/{referralId}/outcome", new { outcome = "lost" });
        lost.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Referring_twice_to_the_same_tenant_makes_one_referral()
    {
        var (sender, receiver) = (await TestAccounts.RegisterTenantAsync(api.Client), await TestAccounts.RegisterTenantAsync(api.Client));
        using var asSender = api.Client.WithBearer(sender);
        await LeadRequests.JoinNetworkAsync(asSender);
        await LeadRequests.JoinNetworkAsync(api.Client.WithBearer(receiver));
        var lead = await LeadRequests.CreateAsync(asSender);

        using var first = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 10 });
        using var second = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 10 });

        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", receiver.TenantId)).Should().Be(1);
        (await api.ScalarAsync<long>("select count(*) from lead_referrals where tenant_id = $1", sender.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task Both_tenants_must_be_network_members_and_the_commission_between_0_and_100()
    {
        var (sender, receiver) = (await TestAccounts.RegisterTenantAsync(api.Client), await TestAccounts.RegisterTenantAsync(api.Client));
        using var asSender = api.Client.WithBearer(sender);
        var lead = await LeadRequests.CreateAsync(asSender);

        using var senderOut = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 10 });
        senderOut.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await LeadRequests.JoinNetworkAsync(asSender);
        using var receiverOut = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 10 });
        receiverOut.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var unknown = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = "no-existe-nadie", commissionPercent = 10 });
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var tooMuch = await LeadRequests.PostAsync(asSender, $"/api/leads/{lead}/referrals", new { tenantSlug = receiver.Slug, commissionPercent = 101 });
        tooMuch.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(tooMuch)).GetProperty("errors").TryGetProperty("commissionPercent", out _).Should().BeTrue();
        (await api.ScalarAsync<long>("select count(*) from leads where tenant_id = $1", receiver.TenantId)).Should().Be(0);
        using var badDirection = await asSender.GetAsync(new Uri("/api/referrals?direction=both", UriKind.Relative));
        badDirection.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
