using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Write.Pipeline;

/// <summary><paramref name="LeadId"/>: the lead it came from, when it came from one; recorded as given.</summary>
public sealed record OpportunityOpened(
    Guid OpportunityId, Guid PipelineId, Guid StageId, Guid CustomerId, Guid? LeadId, string Title, Money Value,
    DateOnly? ExpectedCloseDate, Guid OwnerId);

public sealed record OpportunityMoved(Guid OpportunityId, Guid FromStageId, Guid ToStageId);

/// <summary>Moved into the pipeline's won stage; <paramref name="Amount"/> is what the sale came to.</summary>
public sealed record OpportunityWon(Guid OpportunityId, Guid FromStageId, Guid ToStageId, Money Amount);

/// <summary>Moved into the pipeline's lost stage, with one of the tenant's lost reasons.</summary>
public sealed record OpportunityLost(Guid OpportunityId, Guid FromStageId, Guid ToStageId, string Reason);

/// <summary>A lost opportunity back to an open stage.</summary>
public sealed record OpportunityReopened(Guid OpportunityId, Guid FromStageId, Guid ToStageId);

public sealed record OpportunityRetitled(Guid OpportunityId, string Title);

public sealed record OpportunityOwnerChanged(Guid OpportunityId, Guid From, Guid To);

public sealed record OpportunityValueChanged(Guid OpportunityId, Money From, Money To);

public sealed record OpportunityCloseDateChanged(Guid OpportunityId, DateOnly? From, DateOnly? To);

public sealed record OpportunityNoteAdded(Guid OpportunityId, Guid NoteId, string Text, Guid AuthorId);

/// <summary><paramref name="Type"/>: call, meeting, email, visit, message or task.</summary>
public sealed record OpportunityActivityScheduled(
    Guid OpportunityId, Guid ActivityId, string Type, string Subject, DateTimeOffset DueAt, Guid AssigneeId);

public sealed record OpportunityActivityCompleted(Guid OpportunityId, Guid ActivityId);

public static class OpportunityEvents
{
    public const string OpenedName = "pipeline.opportunity-opened.v1";
    public const string MovedName = "pipeline.opportunity-moved.v1";
    public const string WonName = "pipeline.opportunity-won.v1";
    public const string LostName = "pipeline.opportunity-lost.v1";
    public const string ReopenedName = "pipeline.opportunity-reopened.v1";
    public const string RetitledName = "pipeline.opportunity-retitled.v1";
    public const string OwnerChangedName = "pipeline.opportunity-owner-changed.v1";
    public const string ValueChangedName = "pipeline.opportunity-value-changed.v1";
    public const string CloseDateChangedName = "pipeline.opportunity-close-date-changed.v1";
    public const string NoteAddedName = "pipeline.opportunity-note-added.v1";
    public const string ActivityScheduledName = "pipeline.activity-scheduled.v1";
    public const string ActivityCompletedName = "pipeline.activity-completed.v1";

    public static IReadOnlyList<string> All { get; } =
    [
        OpenedName, MovedName, WonName, LostName, ReopenedName, RetitledName, OwnerChangedName, ValueChangedName,
        CloseDateChangedName, NoteAddedName, ActivityScheduledName, ActivityCompletedName,
    ];

    public static string Stream(Guid opportunityId) => $"opportunity-{opportunityId:D}";

    /// <summary>The customers feature's stream; an opportunity is opened only for a customer whose stream exists.</summary>
    public static string CustomerStream(Guid customerId) => $"customer-{customerId:D}";

    internal static EventTypeRegistry RegisterOpportunities(this EventTypeRegistry registry) => registry
        .Register<OpportunityOpened>(OpenedName)
        .Register<OpportunityMoved>(MovedName)
        .Register<OpportunityWon>(WonName)
        .Register<OpportunityLost>(LostName)
        .Register<OpportunityReopened>(ReopenedName)
        .Register<OpportunityRetitled>(RetitledName)
        .Register<OpportunityOwnerChanged>(OwnerChangedName)
        .Register<OpportunityValueChanged>(ValueChangedName)
        .Register<OpportunityCloseDateChanged>(CloseDateChangedName)
        .Register<OpportunityNoteAdded>(NoteAddedName)
        .Register<OpportunityActivityScheduled>(ActivityScheduledName)
        .Register<OpportunityActivityCompleted>(ActivityCompletedName);
}
