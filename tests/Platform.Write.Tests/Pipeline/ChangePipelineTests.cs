using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class ChangePipelineTests
{
    [Fact]
    public void Renaming_records_the_new_name_and_the_same_name_changes_nothing()
    {
        SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.Rename("Usados")).Should().Equal(new PipelineRenamed(GivenPipeline.Id, "Usados"));
        SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.Rename("Ventas")).Should().BeEmpty();
    }

    [Fact]
    public void An_empty_pipeline_is_archived()
    {
        SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.Archive(0)).Should().Equal(new PipelineArchived(GivenPipeline.Id));
    }

    [Fact]
    public void A_pipeline_with_open_opportunities_is_not_archived()
    {
        var archive = () => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.Archive(3));

        var error = archive.Should().Throw<ConflictException>().Which;
        error.Code.Should().Be("pipeline-in-use");
        error.Details["openOpportunities"].Should().Be(3L);
    }

    [Fact]
    public void An_archived_pipeline_cannot_change()
    {
        var archived = GivenPipeline.State(GivenPipeline.Created(), new PipelineArchived(GivenPipeline.Id));

        FluentActions.Invoking(() => SalesPipeline.Decide(archived, new SalesPipeline.Rename("Otra")))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("pipeline-archived");
        FluentActions.Invoking(() => SalesPipeline.Decide(archived, new SalesPipeline.AddStage(GivenPipeline.Stage("Visita"), null)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("pipeline-archived");
        SalesPipeline.Decide(archived, new SalesPipeline.Archive(0)).Should().BeEmpty();
    }

    [Fact]
    public void A_missing_pipeline_is_not_found()
    {
        FluentActions.Invoking(() => SalesPipeline.Decide(null, new SalesPipeline.Rename("Otra"))).Should().Throw<NotFoundException>();
    }
}
