using Dapper;
using Npgsql;

namespace Platform.Read.Customers;

/// <summary>
/// What a customer has bought: the sum of its won opportunities, from the pipeline's read model
/// (<c>pipeline_opportunities</c>). Where that view is not there (or not readable) the value is
/// unknown (null), not zero.
/// </summary>
internal static class CustomerLifetimeValue
{
    private const string View = "pipeline_opportunities";

    public static async Task<decimal?> OfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid tenantId, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var readable = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select to_regclass(@view) is not null and has_table_privilege(to_regclass(@view), 'select')",
            new { view = View }, tx, cancellationToken: ct));
        if (!readable) return null;
        return await connection.ExecuteScalarAsync<decimal>(new CommandDefinition($"""
            select coalesce(sum(won_amount), 0) from {View}
             where tenant_id = @tenant and customer_id = @customer and status = 'won'
            """, new { tenant = tenantId, customer = customerId }, tx, cancellationToken: ct));
    }
}
