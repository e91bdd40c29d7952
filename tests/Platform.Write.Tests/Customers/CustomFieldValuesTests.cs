using FluentValidation.Results;
using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

public sealed class CustomFieldValuesTests
{
    private static readonly FieldDefinition[] Definitions =
    [
        new("budget", "Presupuesto", FieldTypes.Number, true, []),
        new("birthday", "Cumpleaños", FieldTypes.Date, false, []),
        new("color", "Color", FieldTypes.Dropdown, false, ["Rojo", "Azul"]),
        new("vip", "VIP", FieldTypes.Boolean, false, []),
        new("hobby", "Pasatiempo", FieldTypes.Text, false, []),
    ];

    [Fact]
    public void Values_are_stored_in_canonical_form()
    {
        var failures = new List<ValidationFailure>();
        var values = CustomFieldValues.Canonical(new Dictionary<string, string?>
        {
            ["budget"] = "1500.50", ["birthday"] = "03/01/1990", ["color"] = "azul", ["vip"] = "Sí", ["hobby"] = " pesca ",
        }, Definitions, enforceRequired: true, failures);

        failures.Should().BeEmpty();
        values.Should().Equal(new Dictionary<string, string>
        {
            ["budget"] = "1500.50", ["birthday"] = "1990-01-03", ["color"] = "Azul", ["vip"] = "true", ["hobby"] = "pesca",
        });
    }

    [Fact]
    public void Bad_unknown_and_missing_required_values_name_their_fields()
    {
        var failures = new List<ValidationFailure>();
        CustomFieldValues.Canonical(new Dictionary<string, string?>
        {
            ["birthday"] = "ayer", ["color"] = "verde", ["vip"] = "quizás", ["nope"] = "x", ["budget"] = "",
        }, Definitions, enforceRequired: true, failures);

        failures.Select(f => f.PropertyName).Should().BeEquivalentTo(["fields.birthday", "fields.color", "fields.vip", "fields.nope", "fields.budget"]);
    }
}
