namespace Platform.Write.EventStore;

/// <summary>One stream's part of a batch append.</summary>
public sealed record StreamAppend(
    Guid TenantId,
    string StreamId,
    ExpectedVersion Expected,
    IReadOnlyList<NewEvent> Events);
