using Npgsql;

namespace Platform.Write.Tenancy;

/// <summary>Positional parameters for the tenancy handlers' statements ($1, $2, ...).</summary>
public static class TenancySql
{
    public static NpgsqlCommand Command(this TenantTransaction tx, string sql, params object?[] values)
    {
        var command = tx.Command(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public static async Task<int> ExecuteAsync(this TenantTransaction tx, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = tx.Command(sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(this TenantTransaction tx, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = tx.Command(sql, values);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A state row that must exist because its stream does; a miss is our fault, not the caller's.</summary>
    public static void EnsureOne(int rows, string what)
    {
        if (rows != 1) throw new InvalidOperationException($"Expected one {what} row to update, found {rows}.");
    }
}
