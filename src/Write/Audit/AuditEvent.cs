using System.Text.Json;

namespace Platform.Write.Audit;

/// <summary>Who may read the history: auditors, and the tenant's owners and admins.</summary>
public static class AuditRoles
{
    public const string Readers = "auditor,owner,admin";
}

/// <summary>One event as auditors see it: its stored data and metadata (user, correlation, causation, source).</summary>
public sealed record AuditEvent(
    long Position, string StreamId, long Version, Guid EventId, string Type, DateTimeOffset RecordedAt, JsonElement Data, JsonElement Metadata)
{
    public static AuditEvent Of(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEvent(e.Position, e.StreamId, e.Version, e.EventId, e.Type, e.RecordedAt, Parse(e.Data), Parse(e.Metadata));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>Where a page of the tenant's history ended, in commit (fence) order.</summary>
public sealed record AuditCursor(ulong Transaction, long Position);

public sealed record AuditEventPage(IReadOnlyList<AuditEvent> Items, AuditCursor? Next);
