using System.Text.Json;

namespace Platform.Read.Customers;

/// <summary>A customers row as Dapper fills it (by property: text[] columns do not bind to constructors).</summary>
internal sealed class CustomerRow
{
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string[] Phones { get; set; } = [];
    public string[] Emails { get; set; } = [];
    public string? Address { get; set; }
    public string? Notes { get; set; }
    public string Fields { get; set; } = "{}";
    public string Source { get; set; } = "";
    public string Segment { get; set; } = "";
    public int Interactions { get; set; }
    public DateTime? LastActivityAt { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static readonly string Columns = $"""
        c.customer_id as CustomerId, c.name as Name, c.phones as Phones, c.emails as Emails, c.address as Address, c.notes as Notes,
        (select coalesce(jsonb_object_agg(f.key, f.value), jsonb_build_object())::text from jsonb_each(c.fields) f
          where exists (select from customer_field_definitions d where d.tenant_id = c.tenant_id and d.key = f.key and not d.removed)) as Fields, c.source as Source, {CustomerSegments.CaseSql} as Segment, c.interactions as Interactions,
        c.last_activity_at as LastActivityAt, c.version as Version, c.created_at as CreatedAt, c.updated_at as UpdatedAt
        """;

    public IReadOnlyDictionary<string, string> FieldValues => JsonSerializer.Deserialize<Dictionary<string, string>>(Fields) ?? [];

    public CustomerSummary ToSummary() => new(
        CustomerId, Name, Phones, Emails, Segment, Interactions, Utc(LastActivityAt), FieldValues, Version, Utc(CreatedAt)!.Value, Utc(UpdatedAt)!.Value);

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
