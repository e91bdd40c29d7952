using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>Runs an oracle's SQL with its positional parameters and reads (name, value) rows into a map.</summary>
internal static class OracleQueries
{
    public static async Task<Dictionary<string, decimal>> FiguresAsync(NpgsqlDataSource system, string sql, params object?[] values)
    {
        await using var command = system.CreateCommand(sql);
        command.CommandTimeout = 300;
        foreach (var value in values) command.Parameters.Add(new() { Value = value ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<string, decimal>();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(1)) figures[reader.GetString(0)] = reader.GetDecimal(1);
        return figures;
    }

    public static decimal? Number(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetDecimal();

    public static bool Same(Dictionary<string, decimal> actual, Dictionary<string, decimal> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}
