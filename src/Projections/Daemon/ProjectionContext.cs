using Npgsql;

namespace Platform.Projections.Daemon;

/// <summary>
/// What a projection writes through: the daemon's connection and the transaction that also moves
/// its checkpoint. Writing anywhere else would break exactly-once.
/// </summary>
public sealed class ProjectionContext(IProjection projection, NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public string Projection { get; } = ProjectionIdentity.Of(projection);

    public int Version { get; } = projection.Version;

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>This version's name of a read table: <c>Table("counter_totals")</c> is <c>counter_totals_v1</c>.</summary>
    public string Table(string baseName) => ProjectionIdentity.Table(baseName, Version);

    /// <summary>A command bound to the daemon's connection and transaction.</summary>
    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction);

    /// <summary>A batch bound to the daemon's connection and transaction: many statements, one round trip.</summary>
    public NpgsqlBatch CreateBatch() => new(Connection, Transaction);
}
