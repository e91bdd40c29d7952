using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Customers;

/// <summary>A custom field filter: the field's value equals <see cref="Value"/> as stored (canonical text).</summary>
public sealed record FieldFilter(string Key, string Value);

/// <summary>The tenant's customers, newest first; filter by text (name, phone, e-mail), segment and custom fields.</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record ListCustomers(Guid TenantId, string? Text, string? Segment, IReadOnlyList<FieldFilter> Fields, PageRequest Page)
    : IRequest<Page<CustomerSummary>>;

public sealed record CustomerSummary(
    Guid CustomerId, string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string Segment, int Interactions,
    DateTimeOffset? LastActivityAt, IReadOnlyDictionary<string, string> Fields, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class ListCustomersHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<ListCustomers, Page<CustomerSummary>>
{
    public async Task<Page<CustomerSummary>> Handle(ListCustomers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var fields = request.Fields.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(request.Fields.ToDictionary(f => f.Key, f => f.Value));
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<CustomerRow>(
            new CommandDefinition($"""
                select {CustomerRow.Columns}
                  from customers c
                 where c.tenant_id = @tenant and (@before::uuid is null or c.customer_id < @before)
                   and (@text::text is null or c.search like '%' || lower(unaccent(@text)) || '%')
                   and (@fields::jsonb is null or c.fields @> @fields::jsonb)
                   and {CustomerSegments.FilterSql(request.Segment)}
                 order by c.customer_id desc
                 limit @limit
                """, new { tenant = request.TenantId, before, text = SearchPattern(request.Text), fields, now = time.GetUtcNow(), limit = request.Page.Limit + 1 },
                tx, cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.CustomerId);
    }

    /// <summary>The text as the search column holds it, with LIKE's wildcards taken literally.</summary>
    private static string? SearchPattern(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        // A phone is looked for by its digits, however it was typed: "300 555-1234".
        var folded = trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.') && trimmed.Count(char.IsAsciiDigit) >= 3
            ? new string([.. trimmed.Where(char.IsAsciiDigit)])
            : trimmed;
        return folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
