using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>One opportunity as its stream says now, with its notes and activities; the version is its ETag.</summary>
[Authorize]
public sealed record GetOpportunity(Guid OpportunityId) : IRequest<OpportunityView>;

public sealed record NoteView(Guid NoteId, string Text, Guid AuthorId, DateTimeOffset At);

public sealed record ActivityView(
    Guid ActivityId, string Type, string Subject, DateTimeOffset DueAt, Guid AssigneeId, bool Done, DateTimeOffset? DoneAt, bool Overdue);

public sealed record OpportunityView(
    Guid OpportunityId, Guid PipelineId, Guid StageId, string StageName, string Status, Guid CustomerId, Guid? LeadId, string Title,
    Money Value, DateOnly? ExpectedCloseDate, Guid OwnerId, Money? WonAmount, string? LostReason,
    IReadOnlyList<NoteView> Notes, IReadOnlyList<ActivityView> Activities, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long Version);

public sealed class GetOpportunityHandler(CommandContext context, TenantDatabase database, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<GetOpportunity, OpportunityView>
{
    public async Task<OpportunityView> Handle(GetOpportunity request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var stream = await OpportunityStream.ReadAsync(tx, serializer, request.OpportunityId, cancellationToken);
        var state = Opportunity.Fold(stream.Events.Select(e => e.Data))!;
        var now = time.GetUtcNow();
        var notes = new List<NoteView>();
        var activities = new List<ActivityView>();
        (Money? won, string? lost, DateTimeOffset? closed) = (null, null, null);
        foreach (var (data, at) in stream.Events)
        {
            switch (data)
            {
                case OpportunityNoteAdded n: notes.Add(new NoteView(n.NoteId, n.Text, n.AuthorId, at)); break;
                case OpportunityActivityScheduled a: activities.Add(new ActivityView(a.ActivityId, a.Type, a.Subject, a.DueAt, a.AssigneeId, false, null, a.DueAt < now)); break;
                case OpportunityActivityCompleted c:
                    var i = activities.FindIndex(a => a.ActivityId == c.ActivityId);
                    activities[i] = activities[i] with { Done = true, DoneAt = at, Overdue = false };
                    break;
                case OpportunityWon w: (won, lost, closed) = (w.Amount, null, at); break;
                case OpportunityLost l: (won, lost, closed) = (null, l.Reason, at); break;
                case OpportunityReopened: (won, lost, closed) = (null, null, null); break;
            }
        }
        return new OpportunityView(
            state.OpportunityId, state.PipelineId, state.StageId, stream.StageName(state.StageId), Names.Of(state.Status), state.CustomerId, state.LeadId,
            state.Title, state.Value, state.ExpectedCloseDate, state.OwnerId, won, lost, notes,
            [.. activities.OrderBy(a => a.Done).ThenBy(a => a.DueAt)], stream.Events[0].At, closed, stream.Version);
    }
}
