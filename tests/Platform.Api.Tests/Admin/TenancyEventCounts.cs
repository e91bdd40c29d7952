using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Api.Tests.Admin;

/// <summary>A small real projection for the operator endpoints to show and rebuild: tenancy events counted per tenant and type.</summary>
public sealed class TenancyEventCounts : IProjection
{
    public const string ProjectionName = "tenancy-event-counts";

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = ["tenancy.tenant-registered.v1", "tenancy.user-registered.v1", "tenancy.user-invited.v1"];

    public IReadOnlyCollection<string> Tables { get; } = ["tenancy_event_counts"];

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var command = context.CreateCommand($"""
            create table if not exists {context.Table("tenancy_event_counts")} (
                tenant_id uuid not null, type text not null, count bigint not null, primary key (tenant_id, type))
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            await using var command = context.CreateCommand($"""
                insert into {context.Table("tenancy_event_counts")} as t values ($1, $2, 1)
                on conflict (tenant_id, type) do update set count = t.count + 1
                """);
            command.Parameters.Add(new() { Value = e.TenantId });
            command.Parameters.Add(new() { Value = e.Type });
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
