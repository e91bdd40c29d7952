using System.Text.Json;
using Npgsql;

namespace Platform.Write.Devices.Alerts;

/// <summary>Statements on a given connection and transaction: a tenant's, or the alerts reactor's (the daemon's).</summary>
internal static class AlertSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Enum values as stored and answered: kebab-case (<c>rate-of-change</c>, <c>major</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
