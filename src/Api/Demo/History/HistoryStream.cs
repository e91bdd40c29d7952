namespace Platform.Api.Demo.History;

/// <summary>A stream being written by a journey: its state after each decision, and the decided events emitted at their time.</summary>
internal sealed class Stream<TState>(HistoryScript script, string streamId, Func<TState?, object, TState?> evolve)
    where TState : class
{
    public TState? State { get; private set; }

    public void Decide(IReadOnlyList<object> events, DateTimeOffset at, Guid? userId)
    {
        foreach (var e in events)
        {
            State = evolve(State, e);
            script.Emit(streamId, script.Ids.Next(), e, at, userId);
        }
    }
}
