using Platform.Write.Devices.Alerts;

namespace Platform.Write.Tests.Devices;

public sealed class RuleMonitorTests
{
    [Fact]
    public void The_fridge_above_5_degrees_for_10_minutes_raises_a_major_alert()
    {
        var (watch, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Fridge()), (0, 4.0m), (1, 5.5m), (6, 6.2m), (11, 6.4m));

        var raise = commands.Should().ContainSingle().Which.Should().BeOfType<Alert.Raise>().Subject;
        raise.Severity.Should().Be(AlertSeverity.Major);
        raise.Value.Should().Be(6.4m);
        raise.At.Should().Be(GivenRules.Start.AddMinutes(11));
        raise.Condition.Should().Be("temperature por encima de 5 durante 10 min");
        watch.Alert.Should().Be(new ActiveAlert(raise.AlertId, AlertSeverity.Major));
    }

    [Fact]
    public void Above_5_degrees_for_less_than_10_minutes_raises_nothing()
    {
        var (watch, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Fridge()), (0, 6m), (5, 7m), (9.9, 7.5m), (10.5, 4m), (15, 6m), (24, 6m));

        commands.Should().BeEmpty("the condition broke at 10.5 min and has held 9 minutes since");
        watch.Alert.Should().BeNull();
    }

    [Fact]
    public void An_open_alert_escalates_and_de_escalates_and_never_opens_a_second_one()
    {
        var (_, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Fridge()),
            (0, 6m), (10, 6m), (11, 9m), (15, 9m), (21, 9.5m), (25, 6m), (30, 7m), (35, 6.5m));

        commands.Should().HaveCount(3);
        var raise = commands[0].Should().BeOfType<Alert.Raise>().Subject;
        raise.Severity.Should().Be(AlertSeverity.Major);
        commands[1].Should().Be(new Alert.ChangeSeverity(AlertSeverity.Critical, 9.5m, GivenRules.Start.AddMinutes(21)));
        commands[2].Should().Be(new Alert.ChangeSeverity(AlertSeverity.Major, 6m, GivenRules.Start.AddMinutes(25)));
        commands.OfType<Alert.Raise>().Should().ContainSingle("one active alert per (device, rule)");
    }

    [Fact]
    public void The_alert_clears_when_the_temperature_is_back_below_the_threshold()
    {
        var (watch, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Fridge()), (0, 6m), (10, 6m), (12, 5.5m), (14, 4.2m), (30, 6m));

        commands.Should().HaveCount(2);
        commands[1].Should().Be(new Alert.Clear(AlertClearReason.Recovered, 4.2m, GivenRules.Start.AddMinutes(14)));
        watch.Alert.Should().BeNull("back above at 30 min starts a new hold; nothing is open");
    }

    [Fact]
    public void A_band_alerts_outside_it_on_either_side()
    {
        var (_, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Band()), (0, 5m), (1, 1.5m), (2, 4m), (3, 8.5m));

        commands.Select(c => c.GetType().Name).Should().Equal("Raise", "Clear", "Raise");
        commands[0].Should().BeOfType<Alert.Raise>().Which.Condition.Should().Be("temperature fuera de 2 a 8");
    }

    [Fact]
    public void Rate_of_change_compares_consecutive_readings_per_minute_of_measured_time()
    {
        // 1000 W to 1150 W in 30 s is 300 W per minute; 1150 to 1250 in 2 min is 50.
        var (watch, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Rate()), (0, 1000m), (0.5, 1150m), (2.5, 1250m));

        commands.Should().HaveCount(2);
        commands[0].Should().BeOfType<Alert.Raise>().Which.Value.Should().Be(300m);
        commands[1].Should().Be(new Alert.Clear(AlertClearReason.Recovered, 50m, GivenRules.Start.AddMinutes(2.5)));
        watch.Progress.LastValue.Should().Be(1250m);
    }

    [Fact]
    public void A_reading_older_than_the_last_says_nothing_about_a_rate()
    {
        var (watch, commands) = GivenRules.Feed(GivenRules.Watch(GivenRules.Rate()), (5, 1000m), (4, 9000m));

        commands.Should().BeEmpty();
        watch.Progress.LastValue.Should().Be(1000m);
    }

    [Fact]
    public void A_reading_without_the_rules_sensor_changes_nothing()
    {
        var watch = GivenRules.Watch(GivenRules.Fridge(0));

        var (next, command) = RuleMonitor.Observe(watch, GivenRules.Start, GivenRules.Start, new Dictionary<string, decimal> { ["door"] = 1m }, Guid.CreateVersion7);

        next.Should().BeSameAs(watch);
        command.Should().BeNull();
    }
}
