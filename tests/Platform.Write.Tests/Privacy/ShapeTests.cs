using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Privacy;

public sealed record PersonWithoutSubject([PersonalData] string Name);

public sealed record Measured([DataSubject] Guid PersonId, [PersonalData] int HeightCm, [PersonalData] string? Nickname, string Note);

public sealed class ShapeTests
{
    [Fact]
    public void Marked_events_name_their_personal_fields_and_subject()
    {
        PersonalDataShape.Of(typeof(QuoteRequested))!.Fields.Select(f => f.JsonName).Should().Equal("name", "phone", "email", "message");
        PersonalDataShape.Of(typeof(UserRegistered))!.Fields.Select(f => f.JsonName).Should().Equal("email", "displayName");
        PersonalDataShape.Of(typeof(ListingCreated)).Should().BeNull();
        var quote = new QuoteRequested(Guid.CreateVersion7(), Guid.CreateVersion7(), "t", "n", "p", "e", "m", true, "s");
        PersonalDataShape.Of(typeof(QuoteRequested))!.SubjectOf(quote).Should().Be(quote.QuoteId);
    }

    [Fact]
    public void Personal_data_without_a_subject_is_refused()
    {
        FluentActions.Invoking(() => PersonalDataShape.Of(typeof(PersonWithoutSubject))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_forgotten_subject_reads_as_erased_with_values_its_class_can_hold()
    {
        var registry = new EventTypeRegistry().Register<Measured>("test.measured.v1");
        var node = JsonSerializer.SerializeToNode(new Measured(Guid.CreateVersion7(), 180, "Flaco", "nota"), EventSerializer.Json)!.AsObject();
        var subject = node["personId"]!.GetValue<Guid>();
        var key = PersonalDataEnvelope.NewKey();
        foreach (var field in new[] { "heightCm", "nickname" })
            node[field] = PersonalDataEnvelope.Seal(key, Guid.CreateVersion7(), subject, field, node[field]!.DeepClone());

        // No key ring reaches the key: every sealed field is erased, the others stay.
        var read = (Measured)new EventSerializer(registry).Deserialize("test.measured.v1", node.ToJsonString())!;

        read.Should().Be(new Measured(subject, 0, "[borrado]", "nota"));
    }

    [Fact]
    public void Every_registered_event_class_with_personal_data_names_one_subject()
    {
        var registry = PlatformEventTypes.Create();
        foreach (var name in registry.Names)
        {
            registry.TryGetType(name, out var type);
            FluentActions.Invoking(() => PersonalDataShape.Of(type)).Should().NotThrow(name);
        }
        PersonalDataShape.Of(typeof(SubjectForgotten)).Should().BeNull();
    }

    [Fact]
    public void An_erased_string_is_the_marker()
    {
        new PersonalField("name", typeof(string)).ErasedValue(EventSerializer.Json)!.GetValue<string>().Should().Be("[borrado]");
        new PersonalField("tags", typeof(List<string>)).ErasedValue(EventSerializer.Json).Should().BeNull();
        new PersonalField("at", typeof(DateOnly)).ErasedValue(EventSerializer.Json)!.ToJsonString().Should().Be(JsonValue.Create(default(DateOnly))!.ToJsonString());
    }
}
