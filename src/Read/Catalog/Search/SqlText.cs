using System.Globalization;
using System.Text;
using Npgsql;

namespace Platform.Read.Catalog.Search;

/// <summary>SQL text with positional parameters added as it is written: values never enter the text.</summary>
internal sealed class SqlText
{
    private readonly StringBuilder text = new();

    public List<NpgsqlParameter> Parameters { get; } = [];

    /// <summary>A placeholder for <paramref name="value"/>, cast to <paramref name="type"/> so nulls and arrays type-check.</summary>
    public string Param(object? value, string type)
    {
        Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return string.Create(CultureInfo.InvariantCulture, $"${Parameters.Count}::{type}");
    }

    public SqlText Append(string sql)
    {
        text.Append(sql);
        return this;
    }

    public override string ToString() => text.ToString();

    public NpgsqlCommand ToCommand(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(ToString(), connection, transaction);
        command.Parameters.AddRange(Parameters.ToArray());
        return command;
    }

    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(ToString());
        command.Parameters.AddRange(Parameters.ToArray());
        return command;
    }
}
