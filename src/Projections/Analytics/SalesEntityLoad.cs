using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Analytics;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Pipeline;

namespace Platform.Projections.Analytics;

/// <summary>
/// Reads the rows a batch of events needs in one round trip: the opportunities it names, the leads it names
/// and the leads those opportunities became of.
/// </summary>
internal static class SalesEntityLoad
{
    public static async Task<SalesEntityBatch> ReadAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var batch = new SalesEntityBatch();
        var (leadKeys, opportunityKeys) = (new HashSet<(Guid, Guid)>(), new HashSet<(Guid, Guid)>());
        foreach (var e in events)
        {
            if (LeadOf(e.Data) is { } lead) leadKeys.Add((e.TenantId, lead));
            if (OpportunityOf(e.Data) is { } opportunity) opportunityKeys.Add((e.TenantId, opportunity));
        }
        if (leadKeys.Count == 0 && opportunityKeys.Count == 0) return batch;
        var (leads, opportunities) = (context.Table(AnalyticsViews.Leads), context.Table(AnalyticsViews.Opportunities));
        await using var read = context.CreateBatch();
        read.BatchCommands.Add(SalesEntityRows.Command($"""
            select {SalesEntityRows.OpportunityColumns} from {opportunities} where (tenant_id, opportunity_id) in (select * from unnest($1::uuid[], $2::uuid[]))
            """, opportunityKeys.Select(k => k.Item1).ToArray(), opportunityKeys.Select(k => k.Item2).ToArray()));
        read.BatchCommands.Add(SalesEntityRows.Command($"""
            select {SalesEntityRows.LeadColumns} from {leads} where (tenant_id, lead_id) in (select * from unnest($1::uuid[], $2::uuid[]))
            union
            select {SalesEntityRows.LeadColumns} from {leads} where (tenant_id, opportunity_id) in (select * from unnest($3::uuid[], $4::uuid[]))
            """, leadKeys.Select(k => k.Item1).ToArray(), leadKeys.Select(k => k.Item2).ToArray(),
            opportunityKeys.Select(k => k.Item1).ToArray(), opportunityKeys.Select(k => k.Item2).ToArray()));
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var o = new OpportunityFacts(reader.GetGuid(0), reader.GetGuid(1), Null<Guid>(reader, 2), reader.GetGuid(3), reader.GetString(5), reader.GetFieldValue<DateOnly>(6))
            {
                OwnerId = reader.GetGuid(4), Status = reader.GetString(7), WonAmount = Null<decimal>(reader, 8), Currency = Text(reader, 9),
                StaySeq = reader.GetInt32(10), StageId = reader.GetGuid(11), StageEnteredAt = reader.GetFieldValue<DateTimeOffset>(12),
                StageEnteredDay = reader.GetFieldValue<DateOnly>(13),
            };
            batch.Opportunities[(o.TenantId, o.OpportunityId)] = o;
        }
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var l = new LeadFacts(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3))
            {
                AssignedId = Null<Guid>(reader, 4), ResponderId = Null<Guid>(reader, 5), ResponseSeconds = Null<long>(reader, 6),
                ResponseDay = Null<DateOnly>(reader, 7), ConvertedDay = Null<DateOnly>(reader, 8), OpportunityId = Null<Guid>(reader, 9),
                PipelineId = Null<Guid>(reader, 10), Outcome = Text(reader, 11), WonAmount = Null<decimal>(reader, 12), Currency = Text(reader, 13),
            };
            batch.Leads[(l.TenantId, l.LeadId)] = l;
        }
        return batch;
    }

    private static Guid? LeadOf(object? data) => data switch
    {
        LeadCreated c => c.LeadId, LeadAssigned a => a.LeadId, LeadContacted c => c.LeadId, LeadConverted v => v.LeadId,
        OpportunityOpened o => o.LeadId, _ => null,
    };

    private static Guid? OpportunityOf(object? data) => data switch
    {
        LeadConverted v => v.OpportunityId, OpportunityOpened o => o.OpportunityId, OpportunityMoved m => m.OpportunityId,
        OpportunityWon w => w.OpportunityId, OpportunityLost l => l.OpportunityId, OpportunityReopened r => r.OpportunityId,
        OpportunityOwnerChanged c => c.OpportunityId, _ => null,
    };

    private static T? Null<T>(NpgsqlDataReader reader, int i) where T : struct => reader.IsDBNull(i) ? null : reader.GetFieldValue<T>(i);

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
