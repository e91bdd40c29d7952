using System.Diagnostics;
using Npgsql;

namespace Platform.Projections.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed.TotalSeconds > timeoutSeconds)
                throw new TimeoutException($"Timed out after {timeoutSeconds} s waiting until {what}.");
            await Task.Delay(20);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, int timeoutSeconds = 20) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeoutSeconds);

    /// <summary>Until the read table holds exactly the totals recomputed from the events table.</summary>
    public static Task MatchesEventsAsync(NpgsqlDataSource dataSource, string table, string where = "true", int timeoutSeconds = 20) =>
        HoldsAsync(async () =>
        {
            try
            {
                return (await StreamTotals.ReadAsync(dataSource, table)).SequenceEqual(await StreamTotals.RecomputeAsync(dataSource, where));
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return false;
            }
        }, $"{table} matches the events", timeoutSeconds);
}
