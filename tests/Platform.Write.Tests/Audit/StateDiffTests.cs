using System.Text.Json;
using Platform.Write.Audit;

namespace Platform.Write.Tests.Audit;

public sealed class StateDiffTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Nested_fields_and_array_items_are_reported_by_path_with_before_and_after()
    {
        var changes = StateDiff.Between(
            Json("""{"status":"draft","price":{"amount":10,"currency":"COP"},"images":["a","b"],"gone":1}"""),
            Json("""{"status":"published","price":{"amount":12,"currency":"COP"},"images":["a"],"added":true}"""));

        changes.Select(c => c.Path).Should().BeEquivalentTo("status", "price.amount", "images[1]", "gone", "added");
        var amount = changes.Single(c => c.Path == "price.amount");
        amount.Before!.Value.GetInt32().Should().Be(10);
        amount.After!.Value.GetInt32().Should().Be(12);
        changes.Single(c => c.Path == "images[1]").After.Should().BeNull();
        changes.Single(c => c.Path == "gone").After.Should().BeNull();
    }

    [Fact]
    public void Equal_states_have_no_changes_and_a_new_entity_is_one_change_of_the_whole()
    {
        StateDiff.Between(Json("""{"a":{"b":[1,2]}}"""), Json("""{"a":{"b":[1,2]}}""")).Should().BeEmpty();
        StateDiff.Between(null, Json("""{"a":1}""")).Should().ContainSingle().Which.Path.Should().Be("$");
    }
}
