using Platform.Write.Domain;
using Platform.Write.Pipeline;

namespace Platform.Write.Tests.Pipeline;

public sealed class CreatePipelineTests
{
    [Fact]
    public void A_new_pipeline_records_its_stages_in_order()
    {
        var events = SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", GivenPipeline.Stages));

        events.Should().Equal(GivenPipeline.Created());
        SalesPipeline.Fold(events)!.Stages.Select(s => s.Name).Should().Equal("Nuevo", "Contactado", "Propuesta", "Ganado", "Perdido");
    }

    [Theory]
    [InlineData(StageKind.Won)]
    [InlineData(StageKind.Lost)]
    public void A_pipeline_needs_exactly_one_won_and_one_lost_stage(StageKind missing)
    {
        var stages = GivenPipeline.Stages.Where(s => s.Kind != missing).ToList();
        var twice = GivenPipeline.Stages.Append(GivenPipeline.Stage("Otra vez", missing == StageKind.Won ? 100 : 0, missing)).ToList();

        FluentActions.Invoking(() => SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", stages)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("won-lost-stages");
        FluentActions.Invoking(() => SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", twice)))
            .Should().Throw<DomainException>().Which.Code.Should().Be("won-lost-stages");
    }

    [Fact]
    public void A_pipeline_needs_an_open_stage()
    {
        var create = () => SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", [GivenPipeline.Won, GivenPipeline.Lost]));

        create.Should().Throw<DomainException>().Which.Code.Should().Be("no-open-stage");
    }

    [Fact]
    public void Stage_names_are_unique_regardless_of_case()
    {
        var create = () => SalesPipeline.Decide(null, new SalesPipeline.Create(
            GivenPipeline.Id, "Ventas", [.. GivenPipeline.Stages, GivenPipeline.Stage("NUEVO")]));

        create.Should().Throw<ConflictException>().Which.Code.Should().Be("stage-name-taken");
    }

    [Fact]
    public void The_won_stage_weighs_fully_and_the_lost_stage_not_at_all()
    {
        var stages = GivenPipeline.Stages.Select(s => s.Kind == StageKind.Won ? s with { Probability = 90 } : s).ToList();

        var create = () => SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", stages));

        create.Should().Throw<DomainException>().Which.Code.Should().Be("closed-stage-probability");
    }

    [Fact]
    public void A_pipeline_is_created_once()
    {
        var create = () => SalesPipeline.Decide(GivenPipeline.State(), new SalesPipeline.Create(GivenPipeline.Id, "Ventas", GivenPipeline.Stages));

        create.Should().Throw<ConflictException>().Which.Code.Should().Be("pipeline-exists");
    }

    [Theory]
    [InlineData("dealership", "Nuevo", "Contactado", "Prueba de manejo", "Propuesta", "Negociación", "Ganado", "Perdido")]
    [InlineData("real-estate", "Nuevo", "Contactado", "Visita", "Oferta", "Negociación", "Ganado", "Perdido")]
    [InlineData("clinic", "Nuevo", "Contactado", "Propuesta", "Negociación", "Ganado", "Perdido")]
    public void Each_industry_starts_with_its_template(string industry, params string[] names)
    {
        var stages = PipelineTemplates.Stages(PipelineTemplates.ForIndustry(industry));

        stages.Select(s => s.Name).Should().Equal(names);
        SalesPipeline.Decide(null, new SalesPipeline.Create(GivenPipeline.Id, "Ventas", stages)).Should().ContainSingle();
    }
}
