using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>An opportunity's events with when they were recorded, and the names every stage of its pipeline ever had.</summary>
internal sealed record OpportunityStream(IReadOnlyList<(object Data, DateTimeOffset At)> Events, long Version, PipelineState Pipeline, IReadOnlyDictionary<Guid, string> StageNames)
{
    public static async Task<OpportunityStream> ReadAsync(TenantTransaction tx, EventSerializer serializer, Guid opportunityId, CancellationToken ct)
    {
        var events = new List<(object, DateTimeOffset)>();
        long version = 0;
        await using (var command = tx.Command(
            "select version, type, data::text, recorded_at from events where tenant_id = $1 and stream_id = $2 order by version",
            tx.TenantId, OpportunityEvents.Stream(opportunityId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                version = reader.GetInt64(0);
                if (serializer.Deserialize(reader.GetString(1), reader.GetString(2)) is { } data) events.Add((data, reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }
        if (events.Count == 0 || events[0].Item1 is not OpportunityOpened opened) throw new Domain.NotFoundException("la oportunidad");

        var (pipelineEvents, _) = await tx.ReadStreamAsync(serializer, PipelineEvents.PipelineStream(opened.PipelineId), ct);
        var pipeline = SalesPipeline.Fold(pipelineEvents) ?? throw new InvalidOperationException($"Opportunity {opportunityId} names a missing pipeline.");
        var names = new Dictionary<Guid, string>();
        foreach (var e in pipelineEvents)
        {
            foreach (var stage in e switch
            {
                PipelineCreated c => c.Stages,
                PipelineStageAdded a => [a.Stage],
                PipelineStageChanged c => [c.Stage],
                _ => (IReadOnlyList<PipelineStage>)[],
            })
                names[stage.StageId] = stage.Name;
        }
        return new OpportunityStream(events, version, pipeline, names);
    }

    public string StageName(Guid stageId) => StageNames.GetValueOrDefault(stageId, "(etapa eliminada)");

    /// <summary>The stage an event put the opportunity in, if it moved it.</summary>
    public static Guid? EnteredStage(object data) => data switch
    {
        OpportunityOpened o => o.StageId,
        OpportunityMoved m => m.ToStageId,
        OpportunityWon w => w.ToStageId,
        OpportunityLost l => l.ToStageId,
        OpportunityReopened r => r.ToStageId,
        _ => null,
    };
}
