namespace Platform.Write.EventStore;

/// <summary>Base of every error the event store reports on purpose; nothing was written.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The stream is not at the version the writer expected.</summary>
public sealed class WrongExpectedVersionException(
    Guid tenantId, string streamId, ExpectedVersion expected, long actualVersion)
    : EventStoreException($"Stream '{streamId}' is at version {actualVersion}, expected {expected}.")
{
    public Guid TenantId { get; } = tenantId;
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long ActualVersion { get; } = actualVersion;
}

/// <summary>The input breaks a rule of the store; <see cref="Field"/> names the offending field.</summary>
public class InvalidAppendException(string field, string message)
    : EventStoreException($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Reason { get; } = message;
}

/// <summary>The CLR type of an event has no registered name.</summary>
public sealed class UnknownEventTypeException(string field, Type type)
    : InvalidAppendException(field, $"event type {type.Name} is not registered")
{
    public Type EventType { get; } = type;
}

/// <summary>Some of the event ids are already stored, but not as this exact append.</summary>
public sealed class EventIdConflictException(Guid tenantId, string streamId)
    : EventStoreException($"Event ids sent to stream '{streamId}' are already used by other events.")
{
    public Guid TenantId { get; } = tenantId;
    public string StreamId { get; } = streamId;
}

/// <summary>The append was not the first write of its transaction (see lock_event_streams).</summary>
public sealed class AppendOrderException()
    : EventStoreException("An append must be the first write of its transaction.");
