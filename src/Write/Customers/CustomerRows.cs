using System.Text.Json;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>The customers row of a customer and its contacts, kept equal to its stream's fold.</summary>
public static class CustomerRows
{
    /// <summary>
    /// Serializes the decisions "is this a new person?" of one tenant: two requests from the same new
    /// person cannot both create a customer. Taken before the append, held until commit.
    /// </summary>
    public static Task LockContactsAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('customer-contacts/' || $1::text, 0))", ct, tx.TenantId);

    /// <summary>Serializes changes of one customer, so a note and an edit at once both land instead of one failing.</summary>
    public static Task LockCustomerAsync(TenantTransaction tx, Guid customerId, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('customer/' || $1::text || '/' || $2::text, 0))", ct, tx.TenantId, customerId);

    /// <summary>Which customer holds each of these phones and e-mails, if any.</summary>
    public static async Task<IReadOnlyList<ContactOwner>> OwnersAsync(
        TenantTransaction tx, IReadOnlyList<string> phones, IReadOnlyList<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (phones.Count + emails.Count == 0) return [];
        await using var command = tx.Command("""
            select kind, value, customer_id from customer_contacts
             where tenant_id = $1 and ((kind = 'phone' and value = any($2)) or (kind = 'email' and value = any($3)))
            """, tx.TenantId, phones.ToArray(), emails.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var owners = new List<ContactOwner>();
        while (await reader.ReadAsync(ct)) owners.Add(new ContactOwner(reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));
        return owners;
    }

    public static async Task UpsertAsync(TenantTransaction tx, CustomerState state, long version, string source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(state);
        var contact = state.Contact;
        await tx.ExecuteAsync("""
            insert into customers as c (tenant_id, customer_id, name, phones, emails, address, notes, fields, search, source,
                                        interactions, last_activity_at, third_activity_at, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, lower(unaccent($9)), $10, $11, $12, $13, $14, $15, $15)
            on conflict (tenant_id, customer_id) do update set
                name = excluded.name, phones = excluded.phones, emails = excluded.emails, address = excluded.address, notes = excluded.notes,
                fields = excluded.fields, search = excluded.search, interactions = excluded.interactions,
                last_activity_at = excluded.last_activity_at, third_activity_at = excluded.third_activity_at,
                version = excluded.version, updated_at = excluded.updated_at
            """, ct, tx.TenantId, state.CustomerId, contact.Name, contact.Phones.ToArray(), contact.Emails.ToArray(), contact.Address, contact.Notes,
            JsonSerializer.Serialize(state.Fields), SearchText(contact), source, state.Activity.Count, state.Activity.Last, state.Activity.ThirdLast, version, now);
        await tx.ExecuteAsync("""
            delete from customer_contacts where tenant_id = $1 and customer_id = $2
               and not ((kind = 'phone' and value = any($3)) or (kind = 'email' and value = any($4)))
            """, ct, tx.TenantId, state.CustomerId, contact.Phones.ToArray(), contact.Emails.ToArray());
        await tx.ExecuteAsync("""
            insert into customer_contacts (tenant_id, kind, value, customer_id)
            select $1, 'phone', unnest($3::text[]), $2 union all select $1, 'email', unnest($4::text[]), $2
            on conflict (tenant_id, kind, value) do nothing
            """, ct, tx.TenantId, state.CustomerId, contact.Phones.ToArray(), contact.Emails.ToArray());
    }

    public static Task InsertInteractionAsync(TenantTransaction tx, InteractionLogged logged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logged);
        return tx.ExecuteAsync("""
            insert into customer_interactions (tenant_id, interaction_id, customer_id, kind, outcome, notes, occurred_at, follow_up_on, user_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (tenant_id, interaction_id) do nothing
            """, ct, tx.TenantId, logged.InteractionId, logged.CustomerId, logged.Kind, logged.Outcome, logged.Notes, logged.OccurredAt,
            logged.FollowUpOn, logged.UserId);
    }

    /// <summary>What the text filter looks in; the database folds it (lower-case, unaccent) as it folds the query.</summary>
    public static string SearchText(CustomerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join(' ', [contact.Name, .. contact.Phones, .. contact.Emails]);
    }
}

/// <summary>One phone or e-mail and the customer that has it.</summary>
public sealed record ContactOwner(string Kind, string Value, Guid CustomerId);
