using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed record CounterIncremented(int By);

public sealed record NoteWritten(string Text);

public sealed record UnregisteredHappened(int Value);

public static class TestEvents
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<CounterIncremented>("test.counter-incremented.v1")
        .Register<NoteWritten>("test.note-written.v1")
        .RegisterReadings();

    public static NewEvent Increment(int by = 1) => NewEvent.Create(new CounterIncremented(by));

    public static NewEvent[] Increments(int count) => [.. Enumerable.Range(1, count).Select(Increment)];
}
