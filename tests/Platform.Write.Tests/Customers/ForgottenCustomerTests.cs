using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

/// <summary>A forgotten customer's events read back erased: strings as "[borrado]", lists and field maps as null.</summary>
public sealed class ForgottenCustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Erased_events_fold_to_a_customer_without_contacts_or_fields_that_still_takes_interactions()
    {
        var state = GivenCustomer.State(
            new CustomerCreated(GivenCustomer.Id, "[borrado]", null!, null!, null, null, null!, CustomerSources.BackOffice),
            new CustomerContactMerged(GivenCustomer.Id, null!, null!, null!, CustomerSources.Lead),
            new CustomerFieldsChanged(GivenCustomer.Id, null!),
            GivenCustomer.Touched(Now))!;

        state.Contact.Name.Should().Be("[borrado]");
        state.Contact.Phones.Should().BeEmpty();
        state.Contact.Emails.Should().BeEmpty();
        state.Fields.Should().BeEmpty();
        state.Activity.Count.Should().Be(1);
        Customer.Decide(state, new Customer.LogInteraction(Guid.CreateVersion7(), "call", null, null, Now, null, null)).Should().ContainSingle();
    }
}
