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

    /// <summary>The same locks for many customers, taken in one round trip and in id order (two takers cannot deadlock).</summary>
    public static Task LockCustomersAsync(TenantTransaction tx, IReadOnlyList<Guid> customerIds, CancellationToken ct) =>
        customerIds.Count == 0 ? Task.CompletedTask : tx.ExecuteAsync("""
            select count(pg_advisory_xact_lock(hashtextextended('customer/' || $1::text || '/' || id::text, 0)))
              from (select id from unnest($2::uuid[]) id order by id) ids
            """, ct, tx.TenantId, customerIds.ToArray());

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

    /// <summary>The states and versions of many customers at once, read from their streams.</summary>
    public static async Task<Dictionary<Guid, (CustomerState State, long Version)>> LoadAsync(
        TenantTransaction tx, EventStore.EventSerializer serializer, IReadOnlyList<Guid> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(serializer);
        var loaded = new Dictionary<Guid, (CustomerState State, long Version)>();
        if (customerIds.Count == 0) return loaded;
        await using var command = tx.Command(
            "select stream_id, version, type, data::text from events where tenant_id = $1 and stream_id = any($2) order by stream_id, version",
            tx.TenantId, customerIds.Select(CustomerStreams.Customer).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var byStream = customerIds.ToDictionary(CustomerStreams.Customer);
        while (await reader.ReadAsync(ct))
        {
            var id = byStream[reader.GetString(0)];
            var state = loaded.TryGetValue(id, out var current) ? current.State : null;
            if (serializer.Deserialize(reader.GetString(2), reader.GetString(3)) is { } data) state = Customer.Evolve(state, data);
            if (state is not null) loaded[id] = (state, reader.GetInt64(1));
        }
        return loaded;
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
}

/// <summary>One phone or e-mail and the customer that has it.</summary>
public sealed record ContactOwner(string Kind, string Value, Guid CustomerId);
