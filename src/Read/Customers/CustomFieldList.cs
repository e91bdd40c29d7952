using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Customers;

/// <summary>The tenant's custom fields of customers, in their order (at most 50, so no paging).</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record ListCustomFields(Guid TenantId) : IRequest<IReadOnlyList<CustomFieldDetails>>;

/// <summary>One custom field, or null: removed, missing or another tenant's.</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetCustomField(Guid TenantId, Guid FieldId) : IRequest<CustomFieldDetails?>;

/// <summary><see cref="Version"/> is the field stream's version: the ETag a change sends back as If-Match.</summary>
public sealed record CustomFieldDetails(
    Guid FieldId, string Key, string Label, string Type, bool Required, int Position, IReadOnlyList<string> Options, long Version);

public sealed class CustomFieldQueries(Tenancy.TenantReads reads)
    : IRequestHandler<ListCustomFields, IReadOnlyList<CustomFieldDetails>>, IRequestHandler<GetCustomField, CustomFieldDetails?>
{
    private const string Select = """
        select field_id as FieldId, key as Key, label as Label, type as Type, required as Required, position as Position,
               options as Options, version as Version
          from customer_field_definitions
         where tenant_id = @tenant and not removed and (@field::uuid is null or field_id = @field)
         order by position, key
        """;

    public async Task<IReadOnlyList<CustomFieldDetails>> Handle(ListCustomFields request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await QueryAsync(request.TenantId, null, cancellationToken);
    }

    public async Task<CustomFieldDetails?> Handle(GetCustomField request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await QueryAsync(request.TenantId, request.FieldId, cancellationToken)).SingleOrDefault();
    }

    private Task<IReadOnlyList<CustomFieldDetails>> QueryAsync(Guid tenant, Guid? field, CancellationToken ct) =>
        reads.QueryAsync<IReadOnlyList<CustomFieldDetails>>(tenant, async (connection, tx) =>
            [.. (await connection.QueryAsync<FieldRow>(new CommandDefinition(Select, new { tenant, field }, tx, cancellationToken: ct)))
                .Select(r => new CustomFieldDetails(r.FieldId, r.Key, r.Label, r.Type, r.Required, r.Position, r.Options, r.Version))], ct);

    private sealed class FieldRow
    {
        public Guid FieldId { get; set; }
        public string Key { get; set; } = "";
        public string Label { get; set; } = "";
        public string Type { get; set; } = "";
        public bool Required { get; set; }
        public int Position { get; set; }
        public string[] Options { get; set; } = [];
        public long Version { get; set; }
    }
}
