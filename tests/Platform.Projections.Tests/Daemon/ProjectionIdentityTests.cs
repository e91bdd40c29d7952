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

    [Fact]
    public void Rebuilt_generations_carry_their_number_within_postgres_identifier_limits()
    {
        ProjectionIdentity.Of("counter-totals", 1, 2).Should().Be("counter-totals.v1.r2");
        ProjectionIdentity.Table("counter_totals", 1, 2).Should().Be("counter_totals_v1_r2");
        ProjectionIdentity.Table("counter_totals", 3, 1).Should().Be("counter_totals_v3");
        FluentActions.Invoking(() => ProjectionIdentity.Table(new string('t', 58), 1, 12)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ProjectionIdentity.Of("counter-totals", 1, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("totals_v2")]
    [InlineData("totals_v1_r3")]
    public void Table_names_that_look_like_a_generation_are_refused_as_views(string name) =>
        FluentActions.Invoking(() => ProjectionIdentity.View(name)).Should().Throw<ArgumentException>();

    [Fact]
    public void Two_projections_declaring_one_table_are_refused() =>
        FluentActions.Invoking(() => new ProjectionCatalog([new StreamTotalsProjection(), new SharedTableProjection()]))
            .Should().Throw<ArgumentException>().WithMessage("*both declare table stream_totals*");

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

    private sealed class SharedTableProjection : IProjection
    {
        public string Name => "other-totals";

        public int Version => 1;

        public IReadOnlyCollection<string> EventTypes { get; } = [TestEvents.Incremented];

        public IReadOnlyCollection<string> Tables { get; } = ["stream_totals"];

        public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;

        public Task ApplyAsync(ProjectionContext context, IReadOnlyList<Platform.Write.EventStore.RecordedEvent> events, CancellationToken ct) =>
            Task.CompletedTask;
    }
}
