namespace Platform.Write.Audit;

/// <summary>
/// What an export holds, written beside its events: counts, the chain head computed over exactly
/// these events (which an import recomputes and the importing database's sealer reaches again), and
/// the sha256 of the events file. <paramref name="SealedChainMatches"/>: the exporting database's own
/// sealed link at the same place was equal (null when it had not sealed that far yet).
/// <paramref name="Subjects"/>: the people's keys the export carries (see <see cref="SubjectKeyTransfer"/>);
/// <paramref name="Notice"/> says so to whoever finds the file.
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
    bool? SealedChainMatches,
    ExportedSubjects? Subjects = null,
    string? Notice = null)
{
    public const string KeysNotice =
        "Esta exportación contiene las claves que abren los datos personales de sus personas: guárdala y protégela como la base de datos misma.";
    public const string FormatName = "platform.tenant-export";
    public const int CurrentVersion = 2;
    public const string EventsEntry = "events.ndjson";
    public const string ManifestEntry = "manifest.json";
    public const string SubjectKeysEntry = "subject-keys.ndjson";
    public const string SubjectLinksEntry = "subject-links.ndjson";
}

/// <summary>An export or import that cannot go on; the message says why, for the operator.</summary>
public sealed class TenantTransferException(string message) : Exception(message);
