using Platform.Write.Devices;
using Platform.Write.Devices.Alerts;
using Platform.Write.Domain;

namespace Platform.Write.Tests.Devices;

public sealed class RuleDeciderTests
{
    private static readonly RuleAdded Added = new(GivenRules.Device, GivenRules.RuleId, GivenRules.Fridge(), "fridge-warm");

    [Fact]
    public void A_change_records_the_new_definition_and_the_same_one_changes_nothing()
    {
        var state = Rule.Fold([Added]);
        var colder = GivenRules.Fridge() with { Levels = [new(AlertSeverity.Major, Above: 4m)] };

        Rule.Decide(state, new Rule.Change(colder)).Should().BeEquivalentTo(new[] { new RuleChanged(GivenRules.Device, GivenRules.RuleId, colder) });
        Rule.Decide(state, new Rule.Change(GivenRules.Fridge())).Should().BeEmpty();
    }

    [Fact]
    public void A_removed_rule_is_gone()
    {
        var removed = Rule.Fold([Added, new RuleRemoved(GivenRules.Device, GivenRules.RuleId)]);

        var change = () => Rule.Decide(removed, new Rule.Change(GivenRules.Fridge()));

        change.Should().Throw<NotFoundException>();
    }

    [Fact]
    public void A_fridge_starts_with_its_profiles_rules_for_the_sensors_it_has()
    {
        var fridge = RuleTemplates.For(DeviceProfile.FridgeTemperature, DeviceProfiles.DefaultSensors(DeviceProfile.FridgeTemperature));
        var warm = fridge.Single(t => t.Key == "fridge-warm").Rule;

        fridge.Select(t => t.Key).Should().Equal("fridge-warm", "fridge-freezing", "door-open", "no-data");
        warm.Levels.Should().Equal(new RuleLevel(AlertSeverity.Major, Above: 5m), new RuleLevel(AlertSeverity.Critical, Above: 8m));
        warm.HoldSeconds.Should().Be(600);
        RuleTemplates.For(DeviceProfile.FridgeTemperature, [new("temperature", "C")]).Select(t => t.Key)
            .Should().NotContain("door-open", "a fridge without a door sensor gets no door rule");
        RuleTemplates.For(DeviceProfile.Custom, [new("temperature", "C")]).Should().BeEmpty();
    }
}
