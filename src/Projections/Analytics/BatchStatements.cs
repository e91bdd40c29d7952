using Npgsql;

namespace Platform.Projections.Analytics;

/// <summary>One statement of a projection's batch, with its positional parameters.</summary>
internal static class BatchStatements
{
    public static NpgsqlBatchCommand Of(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
