using Npgsql;

namespace Platform.Projections.Generations;

/// <summary>
/// Serializes everything that changes which generation of a projection serves (a generation's
/// initialization, a switch, a rebuild request), across versions and processes. The leaders of two
/// versions hold different leadership locks, so this transaction lock is what orders them.
/// </summary>
internal static class VersionLock
{
    /// <summary>"PRJV". Names that share a hash only wait on each other now and then; nothing is lost.</summary>
    public const int LockSpace = 0x50524A56;

    public static async Task AcquireAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock($1, hashtext($2))", connection, transaction);
        command.Parameters.Add(new() { Value = LockSpace });
        command.Parameters.Add(new() { Value = name });
        await command.ExecuteNonQueryAsync(ct);
    }
}
