using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Customers;

/// <summary>One customer of the tenant, or null (another tenant's is the same as a missing one).</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetCustomer(Guid TenantId, Guid CustomerId) : IRequest<CustomerDetails?>;

/// <summary>
/// <see cref="Version"/> is the customer stream's version (the ETag). <see cref="LifetimeValue"/> is the
/// sum of its won opportunities, null until the pipeline's read model is there to say.
/// </summary>
public sealed record CustomerDetails(
    Guid CustomerId, string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string? Address, string? Notes,
    IReadOnlyDictionary<string, string> Fields, string Source, string Segment, int Interactions, DateTimeOffset? LastActivityAt,
    decimal? LifetimeValue, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class GetCustomerHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetCustomer, CustomerDetails?>
{
    public async Task<CustomerDetails?> Handle(GetCustomer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(
                $"select {CustomerRow.Columns} from customers c where c.tenant_id = @tenant and c.customer_id = @customer",
                new { tenant = request.TenantId, customer = request.CustomerId, now = time.GetUtcNow() }, tx, cancellationToken: cancellationToken));
            if (row is null) return null;
            var value = await CustomerLifetimeValue.OfAsync(connection, tx, request.TenantId, request.CustomerId, cancellationToken);
            return new CustomerDetails(row.CustomerId, row.Name, row.Phones, row.Emails, row.Address, row.Notes, row.FieldValues, row.Source,
                row.Segment, row.Interactions, CustomerRow.Utc(row.LastActivityAt), value, row.Version,
                CustomerRow.Utc(row.CreatedAt)!.Value, CustomerRow.Utc(row.UpdatedAt)!.Value);
        }, cancellationToken);
    }
}
