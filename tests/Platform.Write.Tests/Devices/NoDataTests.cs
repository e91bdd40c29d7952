using Platform.Write.Devices.Alerts;

namespace Platform.Write.Tests.Devices;

public sealed class NoDataTests
{
    private static readonly Dictionary<string, decimal> AnyReading = new() { ["temperature"] = 4m };

    [Fact]
    public void The_sweep_raises_no_data_once_the_device_was_silent_for_its_minutes()
    {
        var watch = GivenRules.Watch(GivenRules.Silence(15));

        RuleMonitor.Sweep(watch, GivenRules.Start.AddMinutes(14.9), Guid.CreateVersion7).Command.Should().BeNull();
        var (raised, command) = RuleMonitor.Sweep(watch, GivenRules.Start.AddMinutes(15), Guid.CreateVersion7);

        var raise = command.Should().BeOfType<Alert.Raise>().Subject;
        raise.Severity.Should().Be(AlertSeverity.Major);
        raise.Condition.Should().Be("sin datos durante 15 min");
        raised.Alert!.AlertId.Should().Be(raise.AlertId);
        RuleMonitor.Sweep(raised, GivenRules.Start.AddHours(5), Guid.CreateVersion7).Command.Should().BeNull("its alert is already open");
    }

    [Fact]
    public void Data_coming_back_clears_the_no_data_alert_and_restarts_the_silence()
    {
        var (raised, _) = RuleMonitor.Sweep(GivenRules.Watch(GivenRules.Silence(15)), GivenRules.Start.AddMinutes(20), Guid.CreateVersion7);
        var back = GivenRules.Start.AddMinutes(31);

        var (watch, command) = RuleMonitor.Observe(raised, back.AddDays(-3), back, AnyReading, Guid.CreateVersion7);

        command.Should().Be(new Alert.Clear(AlertClearReason.DataResumed, null, back.AddDays(-3)));
        watch.Alert.Should().BeNull();
        watch.LastHeardAt.Should().Be(back, "silence counts from when the platform heard the device, whatever its clock says");
        RuleMonitor.Sweep(watch, back.AddMinutes(14), Guid.CreateVersion7).Command.Should().BeNull();
    }

    [Fact]
    public void A_reading_keeps_a_quiet_device_from_being_swept()
    {
        var (watch, command) = RuleMonitor.Observe(
            GivenRules.Watch(GivenRules.Silence(15)), GivenRules.Start.AddMinutes(10), GivenRules.Start.AddMinutes(10), AnyReading, Guid.CreateVersion7);

        command.Should().BeNull();
        RuleMonitor.Sweep(watch, GivenRules.Start.AddMinutes(20), Guid.CreateVersion7).Command.Should().BeNull();
        RuleMonitor.Sweep(watch, GivenRules.Start.AddMinutes(25), Guid.CreateVersion7).Command.Should().BeOfType<Alert.Raise>();
    }
}
