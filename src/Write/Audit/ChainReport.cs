namespace Platform.Write.Audit;

/// <summary>
/// What verify found in a tenant's chain. <see cref="Sealed"/> events were checked link by link;
/// <see cref="Unsealed"/> ones committed after the last seal and are not covered yet. <see cref="Broken"/>
/// is the first broken link, null when the chain is intact.
/// </summary>
public sealed record ChainReport(
    Guid TenantId, long Events, long Sealed, long Unsealed, ChainHead? Head, int HeadsChecked, BrokenLink? Broken)
{
    public bool Intact => Broken is null;
}

/// <summary>The link of the <paramref name="Seq"/>th event of a tenant's chain (hex sha256).</summary>
public sealed record ChainHead(long Seq, string Hash, DateTimeOffset? RecordedAt = null);

/// <summary>
/// Where the chain breaks: the event at <paramref name="Seq"/> in commit order (when there is one),
/// and why. A head mismatch means the chain up to that head was rewritten, links included.
/// </summary>
public sealed record BrokenLink(long Seq, Guid? EventId, string? StreamId, long? Version, string Reason, string Detail);

public static class BrokenReasons
{
    public const string DataChanged = "event-changed";
    public const string EventMissing = "event-missing";
    public const string OutOfOrder = "event-out-of-place";
    public const string HeadMismatch = "head-mismatch";
}
