using Platform.Write.Customers;
using Platform.Write.Customers.Import;

namespace Platform.Write.Tests.Customers;

public sealed class ImportPlannerTests
{
    private static readonly ImportMapping Mapping = new([new(0, "Nombre", "name"), new(1, "Teléfono", "phone"), new(2, "Correo", "email")]);

    [Fact]
    public void Rows_of_one_file_that_are_the_same_person_make_one_customer()
    {
        var planner = new ImportPlanner("CO", [], dryRun: true);

        var outcomes = Plan(planner, ["Ana", "300 111 2233", "ana@example.test"], ["Ana G.", "310 111 2233", "ANA@example.test"], ["Ana", "3001112233", ""]);

        outcomes.Select(o => o.Outcome).Should().Equal(ImportOutcomes.New, ImportOutcomes.Merged, ImportOutcomes.Skipped);
        outcomes.Select(o => o.CustomerId).Distinct().Should().ContainSingle();
        outcomes[1].Reason.Should().Contain("+573101112233");
    }

    [Fact]
    public void A_row_matching_a_stored_customer_merges_into_it()
    {
        var planner = new ImportPlanner("CO", [], dryRun: false);
        var stored = Guid.CreateVersion7();
        planner.Learn([new ContactOwner("email", "ana@example.test", stored)]);
        planner.Load(stored, Customer.Fold([new CustomerCreated(stored, "Ana", [], ["ana@example.test"], null, null, new Dictionary<string, string>(), "back-office")])!, 1);

        var outcome = Plan(planner, ["Ana", "300 111 2233", "ana@example.test"]).Single();

        outcome.Should().Be(new ImportRowResult(1, ImportOutcomes.Merged, outcome.Reason, stored));
        var pending = planner.Pending().Single();
        pending.Customer.Version.Should().Be(1);
        pending.Customer.Pending.Should().ContainSingle().Which.Should().BeOfType<CustomerContactMerged>().Which.Phones.Should().Equal("+573001112233");
    }

    [Fact]
    public void Rows_without_a_usable_phone_or_email_are_invalid_with_the_reason()
    {
        var planner = new ImportPlanner("CO", [new FieldDefinition("nivel", "Nivel", FieldTypes.Dropdown, true, ["oro"])], dryRun: true);

        var outcomes = Plan(planner, ["Sin contacto", "", ""], ["Malo", "12", ""], ["Sin nivel", "300 000 0000", ""]);

        outcomes.Should().AllSatisfy(o => o.Outcome.Should().Be(ImportOutcomes.Invalid));
        outcomes[1].Reason.Should().StartWith("Teléfono:");
        outcomes[2].Reason.Should().Contain("Nivel");
    }

    private static List<ImportRowResult> Plan(ImportPlanner planner, params string[][] rows)
    {
        var results = new List<ImportRowResult>();
        foreach (var (cells, i) in rows.Select((r, i) => (r, i)))
        {
            var (contact, fields, invalid) = planner.Normalize(ImportCandidate.Read(i + 1, cells, Mapping));
            results.Add(invalid ?? planner.Plan(i + 1, contact!, fields!));
        }
        return results;
    }
}
