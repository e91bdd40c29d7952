using System.Text;

namespace Platform.Write.EventStore;

/// <summary>Checks an append before it reaches the database, so bad input writes nothing.</summary>
internal sealed class AppendValidator(EventSerializer serializer, EventStoreOptions options)
{
    public PreparedStream Prepare(StreamAppend append, string prefix = "")
    {
        ValidateTenant(append.TenantId, prefix + "tenantId");
        ValidateStreamId(append.StreamId, prefix + "streamId");
        var events = append.Events;
        if (events is null || events.Count == 0)
            throw new InvalidAppendException(prefix + "events", "at least one event is required");
        if (events.Count > options.MaxEventsPerAppend)
            throw new InvalidAppendException(prefix + "events", $"at most {options.MaxEventsPerAppend} events per append");

        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string[events.Count];
        var metadata = new string[events.Count];
        var sources = new object[events.Count];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            var field = $"{prefix}events[{i}]";
            var e = events[i] ?? throw new InvalidAppendException(field, "an event is required");
            if (!seen.Add(e.EventId)) throw new InvalidAppendException(field + ".eventId", "appears twice in the append");
            (types[i], data[i], metadata[i]) = PrepareEvent(e, field);
            ids[i] = e.EventId;
            sources[i] = e.Data;
        }
        return new PreparedStream(append.TenantId, append.StreamId, append.Expected, ids, types, data, metadata, sources);
    }

    public (string Type, string Data, string Metadata) PrepareEvent(NewEvent e, string field)
    {
        if (e.EventId == Guid.Empty) throw new InvalidAppendException(field + ".eventId", "must not be empty");
        if (e.Data is null) throw new InvalidAppendException(field + ".data", "is required");
        var type = serializer.TypeName(e.Data, field + ".type");
        var data = EventSerializer.Serialize(e.Data);
        if (Encoding.UTF8.GetByteCount(data) > options.MaxEventBytes)
            throw new InvalidAppendException(field + ".data", $"is larger than {options.MaxEventBytes} bytes");
        return (type, data, EventSerializer.SerializeMetadata(e.Metadata));
    }

    public static void ValidateTenant(Guid tenantId, string field = "tenantId")
    {
        if (tenantId == Guid.Empty) throw new InvalidAppendException(field, "a tenant is required");
    }

    public void ValidateStreamId(string? streamId, string field = "streamId")
    {
        if (string.IsNullOrWhiteSpace(streamId)) throw new InvalidAppendException(field, "must not be empty");
        if (streamId.Length > options.MaxStreamIdLength)
            throw new InvalidAppendException(field, $"is longer than {options.MaxStreamIdLength} characters");
        if (streamId.Any(char.IsControl) || streamId.Trim().Length != streamId.Length)
            throw new InvalidAppendException(field, "must not contain control characters or surrounding spaces");
    }
}

/// <summary><see cref="Data"/> is plain JSON until <see cref="PersonalAppend"/> seals the personal fields of <see cref="Sources"/>.</summary>
internal sealed record PreparedStream(
    Guid TenantId, string StreamId, ExpectedVersion Expected,
    Guid[] Ids, string[] Types, string[] Data, string[] Metadata, object[] Sources)
{
    public bool HasPersonalData => Sources.Any(Privacy.PersonalDataProtector.HasPersonalData);
}
