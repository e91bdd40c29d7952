using Npgsql;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// The server's clock, which also stamps commit timestamps: a run timed from it to a commit
/// timestamp never mixes two clocks.
/// </summary>
internal static class ServerClock
{
    public static async Task<DateTimeOffset> NowAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select clock_timestamp()");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
