using System.Text.Json;
using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>
/// Writes the customers row of a customer and its customer_contacts rows, equal to its stream's fold,
/// in one round trip per call however many customers (an import writes hundreds at once).
/// </summary>
public static class CustomerRowWrites
{
    public static Task UpsertAsync(TenantTransaction tx, CustomerState state, long version, string source, DateTimeOffset now, CancellationToken ct) =>
        UpsertManyAsync(tx, [(state, version)], source, now, ct);

    public static async Task UpsertManyAsync(
        TenantTransaction tx, IReadOnlyList<(CustomerState State, long Version)> customers, string source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) return;
        await using var batch = new NpgsqlBatch(tx.Connection, tx.Transaction);
        foreach (var (state, version) in customers)
        {
            var contact = state.Contact;
            var phones = contact.Phones.ToArray();
            var emails = contact.Emails.ToArray();
            Add(batch, """
                insert into customers as c (tenant_id, customer_id, name, phones, emails, address, notes, fields, search, source,
                                            interactions, last_activity_at, third_activity_at, version, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, lower(unaccent($9)), $10, $11, $12, $13, $14, $15, $15)
                on conflict (tenant_id, customer_id) do update set
                    name = excluded.name, phones = excluded.phones, emails = excluded.emails, address = excluded.address, notes = excluded.notes,
                    fields = excluded.fields, search = excluded.search, interactions = excluded.interactions,
                    last_activity_at = excluded.last_activity_at, third_activity_at = excluded.third_activity_at,
                    version = excluded.version, updated_at = excluded.updated_at
                """, tx.TenantId, state.CustomerId, contact.Name, phones, emails, contact.Address, contact.Notes,
                JsonSerializer.Serialize(state.Fields), SearchText(contact), source, state.Activity.Count, state.Activity.Last, state.Activity.ThirdLast,
                version, now);
            Add(batch, """
                delete from customer_contacts where tenant_id = $1 and customer_id = $2
                   and not ((kind = 'phone' and value = any($3)) or (kind = 'email' and value = any($4)))
                """, tx.TenantId, state.CustomerId, phones, emails);
            Add(batch, """
                insert into customer_contacts (tenant_id, kind, value, customer_id)
                select $1, 'phone', unnest($3::text[]), $2 union all select $1, 'email', unnest($4::text[]), $2
                on conflict (tenant_id, kind, value) do nothing
                """, tx.TenantId, state.CustomerId, phones, emails);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What the text filter looks in; the database folds it (lower-case, unaccent) as it folds the query.</summary>
    public static string SearchText(CustomerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join(' ', [contact.Name, .. contact.Phones, .. contact.Emails]);
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        batch.BatchCommands.Add(command);
    }
}
