using Platform.Write.Customers;
using Platform.Write.Domain;

namespace Platform.Write.Tests.Customers;

public sealed class CreateCustomerTests
{
    [Fact]
    public void A_new_customer_is_created_with_its_contact_and_fields()
    {
        var events = Customer.Decide(null, new Customer.Create(GivenCustomer.Id, GivenCustomer.Contact(), GivenCustomer.Fields(), CustomerSources.BackOffice));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(GivenCustomer.Created());
        var state = Customer.Fold(events)!;
        state.Contact.Phones.Should().Equal("+525512345678");
        state.Activity.Should().Be(CustomerActivity.None);
    }

    [Fact]
    public void An_existing_customer_cannot_be_created_again()
    {
        var create = () => Customer.Decide(GivenCustomer.State(GivenCustomer.Created()),
            new Customer.Create(GivenCustomer.Id, GivenCustomer.Contact(), GivenCustomer.Fields(), CustomerSources.BackOffice));

        create.Should().Throw<ConflictException>().Which.Code.Should().Be("customer-exists");
    }

    [Fact]
    public void Commands_on_a_missing_customer_are_not_found()
    {
        var change = () => Customer.Decide(null, new Customer.ChangeContact(GivenCustomer.Contact()));
        var merge = () => Customer.Decide(null, new Customer.Merge(["+525599999999"], [], GivenCustomer.Fields(), CustomerSources.Lead));
        var fields = () => Customer.Decide(null, new Customer.ChangeFields(GivenCustomer.Fields()));
        var log = () => Customer.Decide(null, new Customer.LogInteraction(Guid.CreateVersion7(), "call", null, null, DateTimeOffset.UnixEpoch, null, null));

        foreach (var command in new[] { change, merge, fields, log }) command.Should().Throw<NotFoundException>();
    }
}
