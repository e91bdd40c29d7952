using Platform.Write.Catalog;
using Platform.Write.Domain;

namespace Platform.Write.Pipeline;

public enum OpportunityStatus { Open, Won, Lost }

public sealed record ActivityState(Guid ActivityId, Guid AssigneeId, bool Done);

public sealed record OpportunityState(
    Guid OpportunityId, Guid PipelineId, Guid StageId, Guid CustomerId, Guid? LeadId, string Title, Money Value,
    DateOnly? ExpectedCloseDate, Guid OwnerId, OpportunityStatus Status, IReadOnlyList<ActivityState> Activities)
{
    public ActivityState? Activity(Guid activityId) => Activities.FirstOrDefault(a => a.ActivityId == activityId);
}

/// <summary>
/// A sales opportunity moving through the stages of its pipeline. The handler hands each decision the
/// pipeline's state (and the tenant's lost reasons), so every rule is decided here, without I/O.
/// </summary>
public static partial class Opportunity
{
    public static OpportunityState? Evolve(OpportunityState? state, object @event) => (state, @event) switch
    {
        (null, OpportunityOpened o) => new OpportunityState(
            o.OpportunityId, o.PipelineId, o.StageId, o.CustomerId, o.LeadId, o.Title, o.Value, o.ExpectedCloseDate, o.OwnerId, OpportunityStatus.Open, []),
        ({ } s, OpportunityMoved m) => s with { StageId = m.ToStageId },
        ({ } s, OpportunityWon w) => s with { StageId = w.ToStageId, Status = OpportunityStatus.Won },
        ({ } s, OpportunityLost l) => s with { StageId = l.ToStageId, Status = OpportunityStatus.Lost },
        ({ } s, OpportunityReopened r) => s with { StageId = r.ToStageId, Status = OpportunityStatus.Open },
        ({ } s, OpportunityRetitled r) => s with { Title = r.Title },
        ({ } s, OpportunityOwnerChanged o) => s with { OwnerId = o.To },
        ({ } s, OpportunityValueChanged v) => s with { Value = v.To },
        ({ } s, OpportunityCloseDateChanged c) => s with { ExpectedCloseDate = c.To },
        ({ } s, OpportunityActivityScheduled a) => s with { Activities = [.. s.Activities, new ActivityState(a.ActivityId, a.AssigneeId, false)] },
        ({ } s, OpportunityActivityCompleted c) => s with
        {
            Activities = [.. s.Activities.Select(a => a.ActivityId == c.ActivityId ? a with { Done = true } : a)],
        },
        _ => state,
    };

    public static OpportunityState? Fold(IEnumerable<object> events) => events.Aggregate((OpportunityState?)null, Evolve);

    public static IReadOnlyList<object> Decide(OpportunityState? state, Command command) => command switch
    {
        Open c => state is null ? DecideOpen(c) : throw new ConflictException("opportunity-exists", "La oportunidad ya existe."),
        Move c => DecideMove(Unclosed(state), c),
        Win c => [new OpportunityWon(Unclosed(state).OpportunityId, state!.StageId, Usable(c.Pipeline).Won.StageId, c.Amount)],
        Lose c => [new OpportunityLost(Unclosed(state).OpportunityId, state!.StageId, Usable(c.Pipeline).Lost.StageId, KnownReason(c))],
        Reopen c => DecideReopen(state ?? throw new NotFoundException("la oportunidad"), c),
        Change c => DecideChange(Unclosed(state), c),
        AddNote c => [new OpportunityNoteAdded(Existing(state).OpportunityId, c.NoteId, c.Text, c.AuthorId)],
        ScheduleActivity c => DecideSchedule(Existing(state), c),
        CompleteActivity c => DecideComplete(Existing(state), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not an opportunity command."),
    };

    private static IReadOnlyList<object> DecideOpen(Open c)
    {
        var stage = c.StageId is { } id ? OpenStage(Usable(c.Pipeline), id) : Usable(c.Pipeline).FirstOpen;
        return [new OpportunityOpened(c.OpportunityId, c.Pipeline.PipelineId, stage.StageId, c.CustomerId, c.LeadId, c.Title, c.Value, c.ExpectedCloseDate, c.OwnerId)];
    }

    private static IReadOnlyList<object> DecideMove(OpportunityState state, Move c)
    {
        var stage = OpenStage(Usable(c.Pipeline), c.ToStageId);
        return stage.StageId == state.StageId ? [] : [new OpportunityMoved(state.OpportunityId, state.StageId, stage.StageId)];
    }

    private static IReadOnlyList<object> DecideReopen(OpportunityState state, Reopen c)
    {
        if (state.Status == OpportunityStatus.Open) throw new ConflictException("opportunity-open", "La oportunidad ya está abierta.");
        if (state.Status == OpportunityStatus.Won) throw new ConflictException("opportunity-won", "Una oportunidad ganada no se reabre.");
        var stage = OpenStage(Usable(c.Pipeline), c.ToStageId);
        return [new OpportunityReopened(state.OpportunityId, state.StageId, stage.StageId)];
    }

    private static List<object> DecideChange(OpportunityState state, Change c)
    {
        var events = new List<object>();
        if (c.Title is { } title && title != state.Title) events.Add(new OpportunityRetitled(state.OpportunityId, title));
        if (c.Value is { } value && value != state.Value) events.Add(new OpportunityValueChanged(state.OpportunityId, state.Value, value));
        if (c.OwnerId is { } owner && owner != state.OwnerId) events.Add(new OpportunityOwnerChanged(state.OpportunityId, state.OwnerId, owner));
        if (c.ExpectedCloseDate is { } date && date != state.ExpectedCloseDate)
            events.Add(new OpportunityCloseDateChanged(state.OpportunityId, state.ExpectedCloseDate, date));
        return events;
    }

    private static IReadOnlyList<object> DecideSchedule(OpportunityState state, ScheduleActivity c)
    {
        if (state.Activities.Count >= MaxActivities)
            throw new DomainException("too-many-activities", $"Una oportunidad tiene hasta {MaxActivities} actividades.");
        if (state.Activity(c.ActivityId) is not null) throw new ConflictException("activity-exists", "La actividad ya existe.");
        return [new OpportunityActivityScheduled(state.OpportunityId, c.ActivityId, c.Type, c.Subject, c.DueAt, c.AssigneeId)];
    }

    private static IReadOnlyList<object> DecideComplete(OpportunityState state, CompleteActivity c)
    {
        var activity = state.Activity(c.ActivityId) ?? throw new NotFoundException("la actividad");
        return activity.Done ? [] : [new OpportunityActivityCompleted(state.OpportunityId, activity.ActivityId)];
    }
}
