using Platform.Projections.Daemon;
using Platform.Projections.Pipeline;

namespace Platform.Api.Pipeline;

public static class PipelineServices
{
    /// <summary>The pipeline-board projection, which the boards, lists and my tasks read.</summary>
    public static IServiceCollection AddSalesPipelines(this IServiceCollection services) => services.AddProjection<PipelineBoardProjection>();
}
