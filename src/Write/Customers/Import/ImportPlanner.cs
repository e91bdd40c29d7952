using FluentValidation.Results;

namespace Platform.Write.Customers.Import;

/// <summary>
/// Decides, row after row, what each row of a file does: a new customer, a merge into the customer that
/// has its phone or e-mail (in the database or earlier in the file), nothing (skipped) or nothing
/// because it is invalid. Pure: the runner feeds it contact owners and customer states it reads.
/// </summary>
internal sealed class ImportPlanner(string country, IReadOnlyList<FieldDefinition> definitions, bool dryRun)
{
    private readonly Dictionary<string, Guid> known = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PlannedCustomer> customers = [];

    public sealed class PlannedCustomer(CustomerState state, long version)
    {
        public CustomerState State { get; set; } = state;

        /// <summary>The stream's version before this batch's events: 0 for a customer the batch creates.</summary>
        public long Version { get; set; } = version;

        public List<object> Pending { get; } = [];
    }

    /// <summary>The row's normalized contact and fields, or the reason it is invalid.</summary>
    public (CustomerContact? Contact, Dictionary<string, string>? Fields, ImportRowResult? Invalid) Normalize(ImportCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var (contact, contactFailures) = CustomerContacts.TryNormalize(candidate.Contact, country, nameRequired: false);
        var failures = new List<ValidationFailure>(contactFailures);
        var fields = CustomFieldValues.Canonical(candidate.Fields, definitions, enforceRequired: false, failures);
        if (failures.Count > 0) return (null, null, new(candidate.Row, ImportOutcomes.Invalid, candidate.Reason(failures), null));
        if (contact!.Phones.Count + contact.Emails.Count == 0)
            return (null, null, new(candidate.Row, ImportOutcomes.Invalid, "Sin teléfono ni correo válido: no se puede saber si el cliente ya existe.", null));
        return (contact, fields, null);
    }

    public IEnumerable<string> UnknownPhones(IEnumerable<CustomerContact> contacts) =>
        contacts.SelectMany(c => c.Phones).Distinct(StringComparer.Ordinal).Where(p => !known.ContainsKey(Key("phone", p)));

    public IEnumerable<string> UnknownEmails(IEnumerable<CustomerContact> contacts) =>
        contacts.SelectMany(c => c.Emails).Distinct(StringComparer.Ordinal).Where(e => !known.ContainsKey(Key("email", e)));

    public void Learn(IEnumerable<ContactOwner> owners)
    {
        foreach (var owner in owners) known[Key(owner.Kind, owner.Value)] = owner.CustomerId;
    }

    /// <summary>Customers the rows of <paramref name="contacts"/> match whose state is not loaded yet.</summary>
    public IReadOnlyList<Guid> Unloaded(IEnumerable<CustomerContact> contacts) =>
        [.. contacts.SelectMany(Owners).Distinct().Where(id => !customers.ContainsKey(id))];

    public void Load(Guid customerId, CustomerState state, long version) => customers[customerId] = new PlannedCustomer(state, version);

    public ImportRowResult Plan(int row, CustomerContact contact, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var match = contact.Phones.Select(p => ("teléfono", p, Key("phone", p))).Concat(contact.Emails.Select(e => ("correo", e, Key("email", e))))
            .Select(m => (m.Item1, m.Item2, Owner: known.TryGetValue(m.Item3, out var id) ? id : (Guid?)null))
            .FirstOrDefault(m => m.Owner is not null);
        var phones = contact.Phones.Where(p => !known.ContainsKey(Key("phone", p))).ToList();
        var emails = contact.Emails.Where(e => !known.ContainsKey(Key("email", e))).ToList();

        if (match.Owner is not { } owner)
        {
            var missing = definitions.Where(d => d.Required && !fields.ContainsKey(d.Key)).Select(d => d.Label).ToList();
            if (missing.Count > 0) return new(row, ImportOutcomes.Invalid, $"Faltan campos obligatorios para un cliente nuevo: {string.Join(", ", missing)}.", null);
            var id = Guid.CreateVersion7();
            var created = Customer.Decide(null, new Customer.Create(id, contact with { Phones = phones, Emails = emails }, fields, CustomerSources.Import));
            var planned = new PlannedCustomer(Customer.Fold(created)!, 0);
            planned.Pending.AddRange(created);
            customers[id] = planned;
            Remember(phones, emails, id);
            return new(row, ImportOutcomes.New, null, id);
        }

        var customer = customers[owner];
        var merged = Customer.Decide(customer.State, new Customer.Merge(phones, emails, fields, CustomerSources.Import));
        if (merged.Count == 0) return new(row, ImportOutcomes.Skipped, $"Ya existe (mismo {match.Item1} {match.Item2}) y la fila no trae datos nuevos.", owner);
        customer.State = merged.Aggregate((CustomerState?)customer.State, Customer.Evolve)!;
        customer.Pending.AddRange(merged);
        Remember(phones, emails, owner);
        var added = (CustomerContactMerged)merged[0];
        var what = added.Phones.Concat(added.Emails).Concat(added.Fields.Keys.Select(k => $"campo {k}"));
        return new(row, ImportOutcomes.Merged, $"Mismo cliente ({match.Item1} {match.Item2}); se agregó: {string.Join(", ", what)}.", owner);
    }

    public IReadOnlyList<(Guid CustomerId, PlannedCustomer Customer)> Pending() =>
        [.. customers.Where(c => c.Value.Pending.Count > 0).Select(c => (c.Key, c.Value))];

    /// <summary>After a batch: a real run's customers are in the database now; a dry run keeps what it imagined.</summary>
    public void EndBatch()
    {
        if (!dryRun) customers.Clear();
        else foreach (var customer in customers.Values) customer.Pending.Clear();
    }

    private IEnumerable<Guid> Owners(CustomerContact contact) =>
        contact.Phones.Select(p => Key("phone", p)).Concat(contact.Emails.Select(e => Key("email", e)))
            .Select(k => known.TryGetValue(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty);

    private void Remember(IEnumerable<string> phones, IEnumerable<string> emails, Guid id)
    {
        foreach (var phone in phones) known[Key("phone", phone)] = id;
        foreach (var email in emails) known[Key("email", email)] = id;
    }

    private static string Key(string kind, string value) => kind + ":" + value;
}
