using Npgsql;

namespace Platform.Read.Customers;

/// <summary>
/// What a customer has bought: the sum of its won opportunities. The pipeline's read model
/// (<c>pipeline_opportunities</c>) holds them; until it exists the value is unknown (null), not zero.
/// </summary>
internal static class CustomerLifetimeValue
{
    public static Task<decimal?> OfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid tenantId, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _ = (tx, tenantId, customerId, ct);
        return Task.FromResult<decimal?>(null);
    }
}
