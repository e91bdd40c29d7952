using Platform.Write.Catalog;
using Platform.Write.Customers;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Privacy;

/// <summary>Requests are logged by name and text: those that carry a person's data print none of it.</summary>
public sealed class RequestTextTests
{
    private const string Canary = "Canario Ñandú 3005551234 canario@example.test";

    public static TheoryData<object> Requests() =>
    [
        new RequestQuote(Guid.NewGuid(), Guid.NewGuid(), Canary, Canary, Canary, Canary, true, "api"),
        new CreateCustomer(Canary, [Canary], [Canary], Canary, Canary, null),
        new ChangeCustomer(Guid.NewGuid(), Canary, [Canary], [Canary], Canary, Canary, null),
        new LogInteraction(Guid.NewGuid(), "call", "ok", Canary, null, null),
        new CreateLead(Canary, Canary, Canary, Canary, "feria", null, null, null, null),
        new InviteUser(Canary, "sales"),
        new AcceptInvitation(Canary, Canary, Canary),
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_with_personal_data_prints_none_of_it(object request) =>
        request.ToString().Should().NotContain("Canario").And.NotContain("canario@").And.NotContain("3005551234");
}
