using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;

namespace Platform.Projections.Tests.Daemon;

public sealed class ProjectionIdentityTests
{
    [Fact]
    public void Identity_and_read_tables_carry_the_version()
    {
        ProjectionIdentity.Of("counter-totals", 1).Should().Be("counter-totals.v1");
        ProjectionIdentity.Table("counter_totals", 2).Should().Be("counter_totals_v2");
    }

    [Theory]
    [InlineData("Counter")]
    [InlineData("counter totals")]
    [InlineData("counter_totals")]
    [InlineData("")]
    public void Names_that_are_not_kebab_case_are_refused(string name) =>
        FluentActions.Invoking(() => ProjectionIdentity.Of(name, 1)).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData("totals; drop table events")]
    [InlineData("Totals")]
    [InlineData("\"totals\"")]
    public void Table_names_that_could_not_be_written_into_sql_safely_are_refused(string name) =>
        FluentActions.Invoking(() => ProjectionIdentity.Table(name, 1)).Should().Throw<ArgumentException>();

    [Fact]
    public void Two_projections_with_one_identity_are_refused() =>
        FluentActions.Invoking(() => new ProjectionCatalog([new StreamTotalsProjection(), new StreamTotalsProjection()]))
            .Should().Throw<ArgumentException>();

    [Fact]
    public void The_catalog_finds_a_projection_by_identity_or_plain_name()
    {
        var catalog = new ProjectionCatalog([new StreamTotalsProjection(), new PickyTotalsProjection()]);
        catalog.Get("stream-totals").Id.Should().Be(StreamTotalsProjection.Id);
        catalog.Get(PickyTotalsProjection.Id).Name.Should().Be("picky-totals");
        FluentActions.Invoking(() => catalog.Get("unknown")).Should().Throw<UnknownProjectionException>();
    }
}
