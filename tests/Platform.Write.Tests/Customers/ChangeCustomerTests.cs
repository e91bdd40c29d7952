using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

public sealed class ChangeCustomerTests
{
    [Fact]
    public void Changed_contact_data_replaces_the_old()
    {
        var state = GivenCustomer.State(GivenCustomer.Created());
        var contact = GivenCustomer.Contact("María Pérez López", ["+525587654321"], []);

        var events = Customer.Decide(state, new Customer.ChangeContact(contact));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new CustomerContactChanged(GivenCustomer.Id, "María Pérez López", ["+525587654321"], [], contact.Address, null));
        Customer.Evolve(state, events[0])!.Contact.Should().BeEquivalentTo(contact);
    }

    [Fact]
    public void The_same_contact_data_changes_nothing()
    {
        var state = GivenCustomer.State(GivenCustomer.Created());

        Customer.Decide(state, new Customer.ChangeContact(GivenCustomer.Contact())).Should().BeEmpty();
    }

    [Fact]
    public void Changed_fields_replace_the_set_and_the_same_set_changes_nothing()
    {
        var state = GivenCustomer.State(GivenCustomer.Created(GivenCustomer.Fields(("color", "rojo"))));

        Customer.Decide(state, new Customer.ChangeFields(GivenCustomer.Fields(("color", "rojo")))).Should().BeEmpty();
        var events = Customer.Decide(state, new Customer.ChangeFields(GivenCustomer.Fields(("budget", "1500"))));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new CustomerFieldsChanged(GivenCustomer.Id, GivenCustomer.Fields(("budget", "1500"))));
        Customer.Evolve(state, events[0])!.Fields.Should().ContainKey("budget").And.NotContainKey("color");
    }
}
