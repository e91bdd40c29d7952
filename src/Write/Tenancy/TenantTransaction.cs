using Npgsql;

namespace Platform.Write.Tenancy;

/// <summary>
/// A transaction on the application's connection with the tenant set for row-level security.
/// The setting is transaction-local, so a pooled connection never carries it to the next user.
/// </summary>
public sealed class TenantTransaction : IAsyncDisposable
{
    private readonly List<Action> afterCommit = [];

    private TenantTransaction(Guid tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        TenantId = tenantId;
        Connection = connection;
        Transaction = transaction;
    }

    public Guid TenantId { get; }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    internal static async Task<TenantTransaction> BeginAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand("select set_config('platform.tenant_id', $1, true)", connection, transaction);
            command.Parameters.Add(new() { Value = tenantId.ToString("D") });
            await command.ExecuteNonQueryAsync(ct);
            return new TenantTransaction(tenantId, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>Runs <paramref name="action"/> once the transaction has committed (a wake-up, a cache eviction).</summary>
    public void AfterCommit(Action action) => afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await Transaction.CommitAsync(ct);
        foreach (var action in afterCommit) action();
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
