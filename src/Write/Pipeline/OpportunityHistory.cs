using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Every stage an opportunity went through, how long it stayed in each, and the running time of the current one.</summary>
[Authorize]
public sealed record GetOpportunityHistory(Guid OpportunityId) : IRequest<OpportunityHistoryView>;

/// <summary><paramref name="LeftAt"/> is null for the current stage, whose time runs until now.</summary>
public sealed record StageVisit(Guid StageId, string StageName, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, long Seconds, double Days);

public sealed record StageTime(Guid StageId, string StageName, long Seconds, double Days, int Visits);

public sealed record OpportunityHistoryView(Guid OpportunityId, IReadOnlyList<StageVisit> Visits, IReadOnlyList<StageTime> TimeInStage, long Version);

public sealed class GetOpportunityHistoryHandler(CommandContext context, TenantDatabase database, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<GetOpportunityHistory, OpportunityHistoryView>
{
    public async Task<OpportunityHistoryView> Handle(GetOpportunityHistory request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var stream = await OpportunityStream.ReadAsync(tx, serializer, request.OpportunityId, cancellationToken);
        var now = time.GetUtcNow();
        var entries = stream.Events.Where(e => OpportunityStream.EnteredStage(e.Data) is not null)
            .Select(e => (Stage: OpportunityStream.EnteredStage(e.Data)!.Value, e.At)).ToList();
        var visits = entries.Select((e, i) =>
        {
            DateTimeOffset? left = i + 1 < entries.Count ? entries[i + 1].At : null;
            var seconds = (long)Math.Max(0, ((left ?? now) - e.At).TotalSeconds);
            return new StageVisit(e.Stage, stream.StageName(e.Stage), e.At, left, seconds, Days(seconds));
        }).ToList();
        var totals = visits.GroupBy(v => v.StageId)
            .Select(g => new StageTime(g.Key, g.First().StageName, g.Sum(v => v.Seconds), Days(g.Sum(v => v.Seconds)), g.Count()))
            .ToList();
        return new OpportunityHistoryView(request.OpportunityId, visits, totals, stream.Version);
    }

    private static double Days(long seconds) => Math.Round(seconds / 86_400d, 2);
}
