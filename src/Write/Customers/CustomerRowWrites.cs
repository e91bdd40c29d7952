using System.Text.Json;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>
/// Writes the customers rows of customers and their customer_contacts rows, equal to their streams'
/// folds: three set-based statements however many customers (an import writes hundreds at once).
/// </summary>
public static class CustomerRowWrites
{
    // Phones and e-mails travel joined by a unit separator, which neither can contain.
    private const string Separator = "\u001f";

    public static Task UpsertAsync(TenantTransaction tx, CustomerState state, long version, string source, DateTimeOffset now, CancellationToken ct) =>
        UpsertManyAsync(tx, [(state, version)], source, now, ct);

    public static async Task UpsertManyAsync(
        TenantTransaction tx, IReadOnlyList<(CustomerState State, long Version)> customers, string source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) return;
        T[] Each<T>(Func<CustomerState, T> value) => [.. customers.Select(c => value(c.State))];
        var ids = Each(s => s.CustomerId);
        await tx.ExecuteAsync("""
            insert into customers as c (tenant_id, customer_id, name, phones, emails, address, notes, fields, search, source,
                                        interactions, last_activity_at, third_activity_at, version, created_at, updated_at)
            select $1, r.id, r.name, string_to_array(r.phones, $15), string_to_array(r.emails, $15), r.address, r.notes, r.fields::jsonb,
                   lower(unaccent(r.search)), $13, r.interactions, r.last_at, r.third_at, r.version, $14, $14
              from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
                          $11::timestamptz[], $12::timestamptz[], $16::bigint[])
                   as r (id, name, phones, emails, address, notes, fields, search, interactions, last_at, third_at, version)
            on conflict (tenant_id, customer_id) do update set
                name = excluded.name, phones = excluded.phones, emails = excluded.emails, address = excluded.address, notes = excluded.notes,
                fields = excluded.fields, search = excluded.search, interactions = excluded.interactions,
                last_activity_at = excluded.last_activity_at, third_activity_at = excluded.third_activity_at,
                version = excluded.version, updated_at = excluded.updated_at
            """, ct, tx.TenantId, ids, Each(s => s.Contact.Name), Each(s => string.Join(Separator, s.Contact.Phones)),
            Each(s => string.Join(Separator, s.Contact.Emails)), Each(s => s.Contact.Address), Each(s => s.Contact.Notes),
            Each(s => JsonSerializer.Serialize(s.Fields)), Each(s => SearchText(s.Contact)), Each(s => s.Activity.Count),
            Each(s => s.Activity.Last), Each(s => s.Activity.ThirdLast), source, now, Separator, customers.Select(c => c.Version).ToArray());

        var contacts = customers.SelectMany(c => c.State.Contact.Phones.Select(p => (c.State.CustomerId, Kind: "phone", Value: p))
            .Concat(c.State.Contact.Emails.Select(e => (c.State.CustomerId, Kind: "email", Value: e)))).ToList();
        var owners = contacts.Select(c => c.CustomerId).ToArray();
        var kinds = contacts.Select(c => c.Kind).ToArray();
        var values = contacts.Select(c => c.Value).ToArray();
        await tx.ExecuteAsync("""
            delete from customer_contacts c
             where c.tenant_id = $1 and c.customer_id = any($2)
               and (c.customer_id, c.kind, c.value) not in (select * from unnest($3::uuid[], $4::text[], $5::text[]))
            """, ct, tx.TenantId, ids, owners, kinds, values);
        await tx.ExecuteAsync("""
            insert into customer_contacts (tenant_id, customer_id, kind, value)
            select $1, r.customer_id, r.kind, r.value from unnest($2::uuid[], $3::text[], $4::text[]) as r (customer_id, kind, value)
            on conflict (tenant_id, kind, value) do nothing
            """, ct, tx.TenantId, owners, kinds, values);
    }

    /// <summary>What the text filter looks in; the database folds it (lower-case, unaccent) as it folds the query.</summary>
    public static string SearchText(CustomerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join(' ', [contact.Name, .. contact.Phones, .. contact.Emails]);
    }
}
