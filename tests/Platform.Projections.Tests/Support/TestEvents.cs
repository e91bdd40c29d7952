using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Support;

public sealed record CounterIncremented(int By);

public sealed record NoteWritten(string Text);

public static class TestEvents
{
    public const string Incremented = "test.counter-incremented.v1";

    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<CounterIncremented>(Incremented)
        .Register<NoteWritten>("test.note-written.v1");

    public static NewEvent Increment(int by = 1) => NewEvent.Create(new CounterIncremented(by));

    public static NewEvent Note(string text = "hello") => NewEvent.Create(new NoteWritten(text));
}
