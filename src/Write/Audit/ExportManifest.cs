namespace Platform.Write.Audit;

/// <summary>
/// What an export holds, written beside its events: counts, the chain head computed over exactly
/// these events (which an import recomputes and the importing database's sealer reaches again), and
/// the sha256 of the events file. <paramref name="SealedChainMatches"/>: the exporting database's own
/// sealed link at the same place was equal (null when it had not sealed that far yet).
/// </summary>
public sealed record ExportManifest(
    string Format,
    int FormatVersion,
    Guid TenantId,
    DateTimeOffset ExportedAt,
    long Events,
    long Streams,
    IReadOnlyDictionary<string, long> EventTypes,
    ChainHead? Chain,
    string EventsSha256,
    bool? SealedChainMatches)
{
    public const string FormatName = "platform.tenant-export";
    public const int CurrentVersion = 1;
    public const string EventsEntry = "events.ndjson";
    public const string ManifestEntry = "manifest.json";
}

/// <summary>An export or import that cannot go on; the message says why, for the operator.</summary>
public sealed class TenantTransferException(string message) : Exception(message);
