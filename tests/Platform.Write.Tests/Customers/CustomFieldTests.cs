using Platform.Write.Customers;
using Platform.Write.Domain;

namespace Platform.Write.Tests.Customers;

public sealed class CustomFieldTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly CustomFieldSettings Settings = new("Color favorito", false, 1, ["rojo", "azul"]);
    private static readonly CustomFieldDefined Defined = new(Id, "color", "Color favorito", FieldTypes.Dropdown, false, 1, ["rojo", "azul"]);

    [Fact]
    public void A_field_is_defined_with_its_key_type_and_settings()
    {
        var events = CustomField.Decide(null, new CustomField.Define(Id, "color", FieldTypes.Dropdown, Settings, 3));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(Defined);
    }

    [Fact]
    public void The_fifty_first_field_is_refused()
    {
        var define = () => CustomField.Decide(null, new CustomField.Define(Id, "color", FieldTypes.Text, Settings with { Options = [] }, CustomField.MaxPerTenant));

        define.Should().Throw<DomainException>().Which.Code.Should().Be("custom-field-limit");
    }

    [Fact]
    public void Changed_settings_are_recorded_and_the_same_settings_change_nothing()
    {
        var state = CustomField.Fold([Defined]);

        CustomField.Decide(state, new CustomField.Change(Settings)).Should().BeEmpty();
        var events = CustomField.Decide(state, new CustomField.Change(Settings with { Required = true, Options = ["rojo", "azul", "verde"] }));

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new CustomFieldChanged(Id, "Color favorito", true, 1, ["rojo", "azul", "verde"]));
    }

    [Fact]
    public void A_removed_field_cannot_be_changed_or_removed_again()
    {
        var state = CustomField.Fold([Defined, new CustomFieldRemoved(Id)]);

        var change = () => CustomField.Decide(state, new CustomField.Change(Settings));
        var remove = () => CustomField.Decide(state, new CustomField.Remove());

        change.Should().Throw<NotFoundException>();
        remove.Should().Throw<NotFoundException>();
        CustomField.Decide(CustomField.Fold([Defined]), new CustomField.Remove()).Should().Equal(new CustomFieldRemoved(Id));
    }

    [Fact]
    public void An_existing_field_cannot_be_defined_again()
    {
        var define = () => CustomField.Decide(CustomField.Fold([Defined]), new CustomField.Define(Id, "color", FieldTypes.Dropdown, Settings, 1));

        define.Should().Throw<ConflictException>();
    }
}
