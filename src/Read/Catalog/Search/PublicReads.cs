using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Read.Tenancy;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// Queries of anonymous buyers that belong to no one tenant, on the application's role like every
/// request: the network scope (a transaction that says it searches the network, the one thing that
/// shows the network table's rows) and the slug lookup function.
/// </summary>
public sealed class PublicReads([FromKeyedServices(TenantReads.ServiceKey)] NpgsqlDataSource dataSource)
{
    public async Task<T> NetworkAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand("select set_config($1, 'network', true)", connection, transaction))
        {
            set.Parameters.Add(new() { Value = CatalogSearchViews.ScopeSetting });
            await set.ExecuteNonQueryAsync(ct);
        }
        var result = await query(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public async Task<CatalogTenant?> FindTenantAsync(string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var command = dataSource.CreateCommand($"select tenant_id, slug, name from {CatalogSearchViews.FindTenantFunction}($1)");
        command.Parameters.Add(new() { Value = slug });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new CatalogTenant(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)) : null;
        }
        catch (PostgresException error) when (NotBuiltYet(error))
        {
            return null;
        }
    }

    /// <summary>The projection has not made its tables and functions yet (a fresh database, just started).</summary>
    public static bool NotBuiltYet(PostgresException error) =>
        error?.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.UndefinedObject;
}
