using Npgsql;
using Platform.Projections.Daemon;

namespace Platform.Projections.Generations;

/// <summary>
/// Points each read view (<c>counter_totals</c>) at a generation's table (<c>counter_totals_v2</c>),
/// inside the caller's transaction, so readers switch all of a projection's tables at once.
/// </summary>
internal static class ViewSwitcher
{
    private const string Savepoint = "view_switch";

    public static async Task PointAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, GenerationRow to, IEnumerable<string> dropViews, CancellationToken ct)
    {
        foreach (var view in dropViews.Except(to.Tables, StringComparer.Ordinal))
            await ExecuteAsync(connection, transaction, $"drop view if exists {ProjectionIdentity.View(view)}", ct);
        foreach (var view in to.Tables)
        {
            var table = ProjectionIdentity.Table(view, to.Version, to.Generation);
            // Readers query the view as themselves, so the table's row-level security applies to them;
            // a plain view would read it with its owner's rights.
            var create = $"view {ProjectionIdentity.View(view)} with (security_invoker = true) as select * from {table}";
            // Replacing keeps the view's grants and anything built on it, but only while the columns
            // stay the same; a generation with another shape gets a new view.
            await transaction.SaveAsync(Savepoint, ct);
            try
            {
                await ExecuteAsync(connection, transaction, $"create or replace {create}", ct);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InvalidTableDefinition)
            {
                await transaction.RollbackAsync(Savepoint, ct);
                await ExecuteAsync(connection, transaction, $"drop view {view}", ct);
                await ExecuteAsync(connection, transaction, $"create {create}", ct);
            }
            await transaction.ReleaseAsync(Savepoint, ct);
            await ReadTableAccess.GrantViewAsync(connection, transaction, view, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
