using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class PipelineStageTests
{
    [Fact]
    public void A_stage_without_order_goes_right_before_won_and_lost()
    {
        var visit = GivenPipeline.Stage("Visita");

        var events = SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.AddStage(visit, null));

        events.Should().Equal(new PipelineStageAdded(GivenPipeline.Id, visit, 4));
        GivenPipeline.State([GivenPipeline.Created(), .. events]).Stages.Select(s => s.Name)
            .Should().Equal("Nuevo", "Contactado", "Propuesta", "Visita", "Ganado", "Perdido");
    }

    [Fact]
    public void A_stage_added_at_an_order_moves_the_rest_down()
    {
        var visit = GivenPipeline.Stage("Visita");

        var state = GivenPipeline.State(GivenPipeline.Created(), new PipelineStageAdded(GivenPipeline.Id, visit, 1));

        state.Stages[0].Should().Be(visit);
        state.Stages[1].Should().Be(GivenPipeline.New);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Orders_outside_the_pipeline_are_refused(int order)
    {
        var add = () => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.AddStage(GivenPipeline.Stage("Visita"), order));

        add.Should().Throw<DomainException>().Which.Code.Should().Be("stage-order");
    }

    [Fact]
    public void Won_and_lost_stages_are_never_added()
    {
        var add = () => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.AddStage(GivenPipeline.Stage("Ganado 2", 100, StageKind.Won), null));

        add.Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage");
    }

    [Fact]
    public void A_changed_stage_keeps_its_kind_and_order()
    {
        var changed = GivenPipeline.Contacted with { Name = "Llamado", Probability = 35, Color = "#000000", RottingDays = 3 };

        var events = SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ChangeStage(changed));

        events.Should().Equal(new PipelineStageChanged(GivenPipeline.Id, changed));
        GivenPipeline.State([GivenPipeline.Created(), .. events]).Stages[1].Should().Be(changed);
        SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ChangeStage(GivenPipeline.Contacted)).Should().BeEmpty();
    }

    [Fact]
    public void Changing_a_missing_stage_or_to_a_taken_name_is_refused()
    {
        FluentActions.Invoking(() => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ChangeStage(GivenPipeline.Stage("Nada"))))
            .Should().Throw<NotFoundException>();
        FluentActions.Invoking(() => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ChangeStage(GivenPipeline.Contacted with { Name = "nuevo" })))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("stage-name-taken");
    }

    [Fact]
    public void Reordering_takes_every_stage_once()
    {
        var order = new[] { GivenPipeline.Proposal, GivenPipeline.New, GivenPipeline.Contacted, GivenPipeline.Won, GivenPipeline.Lost }.Select(s => s.StageId).ToList();

        var events = SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ReorderStages(order));

        events.Should().Equal(new PipelineStagesReordered(GivenPipeline.Id, order));
        GivenPipeline.State([GivenPipeline.Created(), .. events]).Stages.Select(s => s.StageId).Should().Equal(order);
        FluentActions.Invoking(() => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ReorderStages(order.Take(4).ToList())))
            .Should().Throw<DomainException>().Which.Code.Should().Be("stage-order");
        FluentActions.Invoking(() => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.ReorderStages([.. order.Take(4), order[0]])))
            .Should().Throw<DomainException>().Which.Code.Should().Be("stage-order");
    }

    [Fact]
    public void An_empty_open_stage_is_removed()
    {
        var events = SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.RemoveStage(GivenPipeline.Contacted.StageId, 0));

        events.Should().Equal(new PipelineStageRemoved(GivenPipeline.Id, GivenPipeline.Contacted.StageId));
        GivenPipeline.State([GivenPipeline.Created(), .. events]).Stages.Should().HaveCount(4);
    }

    [Fact]
    public void A_stage_with_open_opportunities_won_lost_or_last_open_stays()
    {
        var state = GivenPipeline.State();
        var onlyOne = GivenPipeline.State(new PipelineCreated(GivenPipeline.Id, "Ventas", [GivenPipeline.New, GivenPipeline.Won, GivenPipeline.Lost]));

        FluentActions.Invoking(() => SalesPipeline.Decide(state, new SalesPipeline.RemoveStage(GivenPipeline.Contacted.StageId, 2)))
            .Should().Throw<ConflictException>().Which.Code.Should().Be("stage-in-use");
        FluentActions.Invoking(() => SalesPipeline.Decide(state, new SalesPipeline.RemoveStage(GivenPipeline.Won.StageId, 0)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage");
        FluentActions.Invoking(() => SalesPipeline.Decide(onlyOne, new SalesPipeline.RemoveStage(GivenPipeline.New.StageId, 0)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("no-open-stage");
    }
}
