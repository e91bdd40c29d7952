using Platform.Projections.Daemon;
using Platform.Read.Pipeline;

namespace Platform.Projections.Pipeline;

/// <summary>The pipeline-board projection's read tables, in the generation's names; every key starts with tenant_id.</summary>
internal static class PipelineBoardTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var (pipelines, stages, opportunities, tasks) = (context.Table(PipelineViews.Pipelines), context.Table(PipelineViews.Stages),
            context.Table(PipelineViews.Opportunities), context.Table(PipelineViews.Tasks));
        var sql = $"""
            create table if not exists {pipelines} (
                tenant_id uuid not null, pipeline_id uuid not null, name text not null, archived boolean not null,
                created_at timestamptz not null, updated_at timestamptz not null,
                primary key (tenant_id, pipeline_id));
            create table if not exists {stages} (
                tenant_id uuid not null, pipeline_id uuid not null, stage_id uuid not null, name text not null, kind text not null,
                position int not null, probability int not null, color text not null, expected_days int, rotting_days int,
                primary key (tenant_id, pipeline_id, stage_id));
            create table if not exists {opportunities} (
                tenant_id uuid not null, opportunity_id uuid not null, customer_id uuid not null, lead_id uuid,
                pipeline_id uuid not null, stage_id uuid not null, status text not null, title text not null,
                value numeric(16, 2) not null, won_amount numeric(16, 2), currency text not null, owner_id uuid not null,
                expected_close_date date, lost_reason text, opened_at timestamptz not null, closed_at timestamptz,
                stage_entered_at timestamptz not null, last_activity_at timestamptz not null, updated_at timestamptz not null,
                primary key (tenant_id, opportunity_id));
            create index if not exists {opportunities}_board on {opportunities} (tenant_id, pipeline_id, stage_id, stage_entered_at desc);
            create index if not exists {opportunities}_customer on {opportunities} (tenant_id, customer_id);
            create index if not exists {opportunities}_owner on {opportunities} (tenant_id, owner_id, opportunity_id desc);
            create table if not exists {tasks} (
                tenant_id uuid not null, activity_id uuid not null, opportunity_id uuid not null, assignee_id uuid not null,
                type text not null, subject text not null, due_at timestamptz not null, done boolean not null, done_at timestamptz,
                primary key (tenant_id, activity_id));
            create index if not exists {tasks}_open on {tasks} (tenant_id, assignee_id, due_at, activity_id) where not done;
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
