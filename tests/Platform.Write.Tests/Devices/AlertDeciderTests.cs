using Platform.Write.Devices.Alerts;
using Platform.Write.Domain;

namespace Platform.Write.Tests.Devices;

public sealed class AlertDeciderTests
{
    private static readonly Guid AlertId = Guid.CreateVersion7();
    private static readonly Guid User = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = GivenRules.Start.AddMinutes(10);

    private static readonly AlertRaised Raised = new(
        AlertId, GivenRules.Device, GivenRules.RuleId, "Temperatura alta", "temperature", AlertSeverity.Major, 6.2m, At,
        "temperature por encima de 5 durante 10 min");

    private static AlertState? Given(params object[] events) => Alert.Fold(events);

    [Fact]
    public void Raise_opens_the_alert()
    {
        var events = Alert.Decide(null, new Alert.Raise(
            AlertId, GivenRules.Device, GivenRules.RuleId, "Temperatura alta", "temperature", AlertSeverity.Major, 6.2m, At, Raised.Condition));

        events.Should().Equal(Raised);
        Alert.Fold(events).Should().Be(new AlertState(AlertId, GivenRules.Device, GivenRules.RuleId, AlertSeverity.Major, AlertStatus.Active, null));
    }

    [Fact]
    public void An_alert_cannot_be_raised_twice()
    {
        var again = () => Alert.Decide(Given(Raised), new Alert.Raise(
            AlertId, GivenRules.Device, GivenRules.RuleId, "Temperatura alta", "temperature", AlertSeverity.Critical, 9m, At, "x"));

        again.Should().Throw<ConflictException>().Which.Code.Should().Be("alert-exists");
    }

    [Fact]
    public void A_higher_severity_escalates_and_asks_for_a_new_acknowledgement()
    {
        var state = Given(Raised, new AlertAcknowledged(AlertId, User, At, null));

        var events = Alert.Decide(state, new Alert.ChangeSeverity(AlertSeverity.Critical, 9m, At.AddMinutes(5)));

        events.Should().Equal(new AlertEscalated(AlertId, AlertSeverity.Major, AlertSeverity.Critical, 9m, At.AddMinutes(5)));
        events.Aggregate(state, Alert.Evolve)!.Acknowledged.Should().BeFalse();
    }

    [Fact]
    public void A_lower_severity_de_escalates_and_keeps_the_acknowledgement()
    {
        var state = Given(Raised, new AlertEscalated(AlertId, AlertSeverity.Major, AlertSeverity.Critical, 9m, At), new AlertAcknowledged(AlertId, User, At, null));

        var events = Alert.Decide(state, new Alert.ChangeSeverity(AlertSeverity.Major, 6m, At.AddMinutes(1)));

        events.Should().Equal(new AlertDeescalated(AlertId, AlertSeverity.Critical, AlertSeverity.Major, 6m, At.AddMinutes(1)));
        events.Aggregate(state, Alert.Evolve)!.Should().Match<AlertState>(s => s.Severity == AlertSeverity.Major && s.AcknowledgedBy == User);
        Alert.Decide(state, new Alert.ChangeSeverity(AlertSeverity.Critical, 9m, At)).Should().BeEmpty("the same severity changes nothing");
    }

    [Fact]
    public void A_user_acknowledges_once_with_a_note()
    {
        var events = Alert.Decide(Given(Raised), new Alert.Acknowledge(User, At, "  Revisando el compresor "));

        events.Should().Equal(new AlertAcknowledged(AlertId, User, At, "Revisando el compresor"));
        Alert.Decide(Given(Raised, events[0]), new Alert.Acknowledge(Guid.CreateVersion7(), At, null)).Should().BeEmpty();
    }

    [Fact]
    public void Clear_closes_the_alert_and_nothing_but_an_acknowledgement_follows()
    {
        var events = Alert.Decide(Given(Raised), new Alert.Clear(AlertClearReason.Recovered, 4.2m, At.AddMinutes(3)));

        events.Should().Equal(new AlertCleared(AlertId, AlertClearReason.Recovered, 4.2m, At.AddMinutes(3)));
        var cleared = Given(Raised, events[0]);
        cleared!.Status.Should().Be(AlertStatus.Cleared);
        Alert.Decide(cleared, new Alert.ChangeSeverity(AlertSeverity.Critical, 9m, At)).Should().BeEmpty();
        Alert.Decide(cleared, new Alert.Clear(AlertClearReason.Recovered, 1m, At)).Should().BeEmpty();
        Alert.Decide(cleared, new Alert.Acknowledge(User, At, null)).Should().ContainSingle().Which.Should().BeOfType<AlertAcknowledged>();
    }

    [Fact]
    public void An_unknown_alert_is_not_found()
    {
        var acknowledge = () => Alert.Decide(null, new Alert.Acknowledge(User, At, null));

        acknowledge.Should().Throw<NotFoundException>();
    }
}
