using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

public sealed class LogInteractionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_interaction_is_logged_with_its_outcome_and_follow_up()
    {
        var state = GivenCustomer.State(GivenCustomer.Created());
        var id = Guid.CreateVersion7();
        var user = Guid.CreateVersion7();

        var events = Customer.Decide(state, new Customer.LogInteraction(id, "whatsapp", "interested", "Quiere la versión 4x4", Now, new DateOnly(2026, 11, 28), user));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new InteractionLogged(GivenCustomer.Id, id, "whatsapp", "interested", "Quiere la versión 4x4", Now, new DateOnly(2026, 11, 28), user));
    }

    [Fact]
    public void Activity_keeps_the_count_and_the_three_most_recent_touches_in_any_order_logged()
    {
        var state = GivenCustomer.State(GivenCustomer.Created(),
            GivenCustomer.Touched(Now.AddDays(-10)), GivenCustomer.Touched(Now.AddDays(-1)), GivenCustomer.Touched(Now.AddDays(-200)),
            GivenCustomer.Touched(Now.AddDays(-5)))!;

        state.Activity.Count.Should().Be(4);
        state.Activity.Last.Should().Be(Now.AddDays(-1));
        state.Activity.ThirdLast.Should().Be(Now.AddDays(-10));
    }
}

public sealed class RecordPurchaseTests
{
    private static readonly DateTimeOffset Won = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_won_opportunity_is_a_purchase_that_counts_as_activity_once()
    {
        var state = GivenCustomer.State(GivenCustomer.Created());
        var opportunity = Guid.CreateVersion7();

        var events = Customer.Decide(state, new Customer.RecordPurchase(opportunity, 95_000_000m, "COP", Won));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new CustomerPurchaseRecorded(GivenCustomer.Id, opportunity, 95_000_000m, "COP", Won));
        var after = Customer.Evolve(state, events[0])!;
        after.Activity.Last.Should().Be(Won);
        Customer.Decide(after, new Customer.RecordPurchase(opportunity, 95_000_000m, "COP", Won)).Should().BeEmpty();
    }
}
