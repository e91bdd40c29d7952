using Npgsql;

namespace Platform.Write.EventStore;

/// <summary>
/// Several streams appended in one batch: every stream's lock first (in key order, so batches
/// cannot deadlock), then each stream's append_events, results read back in stream order.
/// </summary>
internal static class LockedBatchAppend
{
    /// <param name="locked">The streams are locked already (sealing personal data took the locks before its keys).</param>
    public static async Task<List<AppendResult>> ExecuteAsync(NpgsqlBatch batch, PreparedStream[] streams, CancellationToken ct, bool locked = false)
    {
        if (!locked)
        {
            var lockStreams = new NpgsqlBatchCommand("select lock_event_streams($1, $2)");
            lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.TenantId).ToArray() });
            lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.StreamId).ToArray() });
            batch.BatchCommands.Add(lockStreams);
        }
        foreach (var stream in streams)
        {
            var command = new NpgsqlBatchCommand(AppendCommands.AppendSql);
            AppendCommands.AddAppendParameters(command.Parameters, stream, locked: true);
            batch.BatchCommands.Add(command);
        }

        // A failure belongs to the stream after the last result read.
        var results = new List<AppendResult>(streams.Length);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (!locked) await reader.NextResultAsync(ct);
            foreach (var _ in streams)
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("append_events returned no row.");
                results.Add(new AppendResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
                await reader.NextResultAsync(ct);
            }
            return results;
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, streams[Math.Min(results.Count, streams.Length - 1)]);
        }
    }
}
