using Npgsql;
using Platform.Projections.Daemon;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// Our side of a rebuild: the daemon builds the stream totals from the first event of a fresh copy.
/// Timed on the server's clock from just before the daemon starts to the commit of the transaction
/// that moved its checkpoint to the last event (its commit timestamp, track_commit_timestamp on),
/// so the checkpoint can be polled lazily without the poll interval showing up in the figure.
/// </summary>
internal static class DaemonRebuild
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private static readonly string ProjectionId = ProjectionIdentity.Of(StreamTotalsProjection.ProjectionName, 1);

    private const string CheckpointSql = """
        select events_applied, pg_xact_commit_timestamp(xmin) from projection_checkpoints where projection = $1
        """;

    public static async Task<TimeSpan> RunAsync(string connectionString, int batchSize, int events, CancellationToken ct)
    {
        // Its own pool, so the polls never take a connection the daemon wants.
        await using var watch = NpgsqlDataSource.Create(connectionString);
        await using var host = DaemonHost.Create(connectionString, batchSize);
        var started = await ServerClock.NowAsync(watch, ct);
        await host.StartAsync(ct);
        var finished = await WaitForAppliedAsync(watch, host, events, started, ct);
        return finished - started;
    }

    /// <summary>When the transaction that brought the checkpoint to <paramref name="events"/> applied events committed.</summary>
    public static async Task<DateTimeOffset> WaitForAppliedAsync(
        NpgsqlDataSource watch, DaemonHost host, long events, DateTimeOffset since, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + GiveUpAfter;
        while (true)
        {
            await Task.Delay(PollEvery, ct);
            await using var command = watch.CreateCommand(CheckpointSql);
            command.Parameters.Add(new NpgsqlParameter { Value = ProjectionId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct) && reader.GetInt64(0) >= events)
            {
                var applied = reader.GetInt64(0);
                if (applied > events) throw new InvalidOperationException($"The daemon applied {applied:N0} events of {events:N0}.");
                var committed = reader.GetFieldValue<DateTimeOffset>(1);
                return committed >= since ? committed : throw new InvalidOperationException("The checkpoint was committed before the start.");
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The daemon did not apply {events:N0} events in {GiveUpAfter}: {await host.DescribeAsync()}");
        }
    }
}
