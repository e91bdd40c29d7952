using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

public sealed class MergeCustomerTests
{
    [Fact]
    public void Only_new_phones_emails_and_unset_fields_are_merged()
    {
        var state = GivenCustomer.State(GivenCustomer.Created(GivenCustomer.Fields(("color", "rojo"))));

        var events = Customer.Decide(state, new Customer.Merge(
            ["+525512345678", "+525599999999"], ["MARIA@example.com".ToLowerInvariant(), "otra@example.com"],
            GivenCustomer.Fields(("color", "azul"), ("budget", "900")), CustomerSources.Lead));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new CustomerContactMerged(
            GivenCustomer.Id, ["+525599999999"], ["otra@example.com"], GivenCustomer.Fields(("budget", "900")), CustomerSources.Lead));
        var merged = Customer.Evolve(state, events[0])!;
        merged.Contact.Phones.Should().Equal("+525512345678", "+525599999999");
        merged.Fields.Should().Contain("color", "rojo").And.Contain("budget", "900");
    }

    [Fact]
    public void The_same_person_with_nothing_new_changes_nothing()
    {
        var state = GivenCustomer.State(GivenCustomer.Created());

        Customer.Decide(state, new Customer.Merge(["+525512345678"], ["maria@example.com"], GivenCustomer.Fields(), CustomerSources.Import))
            .Should().BeEmpty();
    }
}
