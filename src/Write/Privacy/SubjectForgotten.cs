using Platform.Write.EventStore;

namespace Platform.Write.Privacy;

/// <summary>
/// A data subject was forgotten: its key (and those of <paramref name="Subjects"/>, the subjects linked
/// to it) is gone. Who, when and why, and no personal data. Projections that keep personal data
/// handle this event and erase their rows of <paramref name="Subjects"/>.
/// </summary>
public sealed record SubjectForgotten(Guid SubjectId, IReadOnlyList<Guid> Subjects, string Reason, Guid ForgottenBy, DateTimeOffset ForgottenAt);

public static class PrivacyEvents
{
    public const string SubjectForgottenName = "audit.subject-forgotten.v1";

    public static string SubjectStream(Guid subjectId) => $"subject-{subjectId:D}";

    public static EventTypeRegistry RegisterPrivacy(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register<SubjectForgotten>(SubjectForgottenName);
    }
}
