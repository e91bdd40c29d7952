using Npgsql;
using Platform.Write.Privacy;

namespace Platform.Write.EventStore;

/// <summary>
/// The append paths' one step for personal data: seal it in the append's own transaction, after the
/// stream locks (a new subject's key is that transaction's first write, and the locks must come first
/// to keep fence order equal to version order), and cache the new keys once the transaction commits.
/// </summary>
internal static class PersonalAppend
{
    /// <summary>
    /// Seals the streams' personal events in place. Committed: what to run after commit (null when
    /// nothing was sealed); Locked: the streams are locked now (a key was written after the locks).
    /// </summary>
    public static async Task<(Action? Committed, bool Locked)> SealAsync(
        EventSerializer serializer, NpgsqlConnection connection, NpgsqlTransaction? transaction, PreparedStream[] streams,
        CancellationToken ct)
    {
        var targets = streams.SelectMany(s => s.Sources.Select((data, i) => (Stream: s, Index: i)))
            .Where(t => PersonalDataProtector.HasPersonalData(t.Stream.Sources[t.Index])).ToArray();
        if (targets.Length == 0) return (null, false);
        var locked = false;
        var (json, committed) = await SealAsync(serializer, connection, transaction,
            targets.Select(t => new PersonalEvent(t.Stream.TenantId, t.Stream.Sources[t.Index])).ToArray(),
            async () =>
            {
                try
                {
                    await LockAsync(connection, transaction, streams.Select(s => (s.TenantId, s.StreamId)), ct);
                }
                catch (PostgresException error)
                {
                    throw AppendErrors.Map(error, streams[0]);
                }
                locked = true;
            }, ct);
        for (var k = 0; k < targets.Length; k++) targets[k].Stream.Data[targets[k].Index] = json[k];
        return (committed, locked);
    }

    /// <summary>
    /// Seals every personal event of the streams with cached keys, in place; false when one needs
    /// the database (a new subject, or a key not cached here), and then nothing changed.
    /// </summary>
    public static bool TrySealCached(EventSerializer serializer, PreparedStream[] streams)
    {
        var targets = streams.SelectMany(s => s.Sources.Select((data, i) => (Stream: s, Index: i)))
            .Where(t => PersonalDataProtector.HasPersonalData(t.Stream.Sources[t.Index])).ToArray();
        if (targets.Length == 0) return true;
        if (serializer.Privacy is not { } privacy ||
            !privacy.TrySealCached(targets.Select(t => new PersonalEvent(t.Stream.TenantId, t.Stream.Sources[t.Index])).ToArray(), EventSerializer.Json, out var json))
            return false;
        for (var k = 0; k < targets.Length; k++) targets[k].Stream.Data[targets[k].Index] = json[k];
        return true;
    }

    public static Task<(string[] Json, Action Committed)> SealAsync(
        EventSerializer serializer, NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<PersonalEvent> events,
        Func<Task>? beforeFirstWrite, CancellationToken ct)
    {
        var privacy = serializer.Privacy ?? throw new InvalidOperationException(
            "Events with personal data need the privacy key ring (AddPrivacy): they are never stored in clear.");
        return privacy.ProtectAsync(connection, transaction, events, beforeFirstWrite, EventSerializer.Json, ct);
    }

    public static async Task LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<(Guid TenantId, string StreamId)> streams, CancellationToken ct)
    {
        var list = streams.ToArray();
        await using var command = new NpgsqlCommand("select lock_event_streams($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = list.Select(s => s.TenantId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = list.Select(s => s.StreamId).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}
