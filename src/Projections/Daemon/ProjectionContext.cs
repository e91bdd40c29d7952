using Npgsql;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>
/// What a projection writes through: the daemon's connection and the transaction that also moves
/// its checkpoint. Writing anywhere else would break exactly-once.
/// </summary>
public sealed class ProjectionContext
{
    private readonly ProjectionGeneration _generation;

    internal ProjectionContext(ProjectionGeneration generation, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _generation = generation;
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The generation's identity, which names its checkpoint: <c>counter-totals.v1</c>, <c>counter-totals.v1.r2</c>.</summary>
    public string Projection => _generation.Id;

    public int Version => _generation.Version;

    /// <summary>1 for a version's first build; 2, 3, ... for each rebuild of the same version.</summary>
    public int Generation => _generation.Generation;

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>
    /// This generation's name of a read table: <c>Table("counter_totals")</c> is <c>counter_totals_v1</c>
    /// (or <c>counter_totals_v1_r2</c> when rebuilt). A projection that declares its
    /// <see cref="IProjection.Tables"/> may name only those, so none is left out of the views and drops.
    /// </summary>
    public string Table(string baseName) => _generation.Table(baseName);

    /// <summary>A command bound to the daemon's connection and transaction.</summary>
    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction);

    /// <summary>A batch bound to the daemon's connection and transaction: many statements, one round trip.</summary>
    public NpgsqlBatch CreateBatch() => new(Connection, Transaction);
}
