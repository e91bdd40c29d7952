using Npgsql;

namespace Platform.Projections.Generations;

internal static class BatchCommands
{
    /// <summary>A batch command with positional parameters <c>$1, $2, ...</c> in the order given.</summary>
    public static NpgsqlBatchCommand Of(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }
}
