using Platform.Write.EventStore;
using Platform.Write.Privacy;

namespace Platform.Write.Customers;

/// <summary>A person or company the tenant sells to. Phones are E.164, e-mails trimmed and lower-case.</summary>
public sealed record CustomerCreated(
    [property: DataSubject] Guid CustomerId,
    [property: PersonalData] string Name,
    [property: PersonalData] IReadOnlyList<string> Phones,
    [property: PersonalData] IReadOnlyList<string> Emails,
    [property: PersonalData] string? Address,
    [property: PersonalData] string? Notes,
    [property: PersonalData] IReadOnlyDictionary<string, string> Fields,
    string Source);

/// <summary>The contact data as a person edited it: the whole of it, replacing what was there.</summary>
public sealed record CustomerContactChanged(
    [property: DataSubject] Guid CustomerId,
    [property: PersonalData] string Name,
    [property: PersonalData] IReadOnlyList<string> Phones,
    [property: PersonalData] IReadOnlyList<string> Emails,
    [property: PersonalData] string? Address,
    [property: PersonalData] string? Notes);

/// <summary>
/// A new request or an imported row was the same person (same phone or e-mail): what it brought that the
/// customer did not have yet is merged into it.
/// </summary>
public sealed record CustomerContactMerged(
    [property: DataSubject] Guid CustomerId,
    [property: PersonalData] IReadOnlyList<string> Phones,
    [property: PersonalData] IReadOnlyList<string> Emails,
    [property: PersonalData] IReadOnlyDictionary<string, string> Fields,
    string Source);

/// <summary>The tenant's custom fields of the customer (by key), the whole set, canonical text per type.</summary>
public sealed record CustomerFieldsChanged(
    [property: DataSubject] Guid CustomerId,
    [property: PersonalData] IReadOnlyDictionary<string, string> Fields);

public static class CustomerEvents
{
    public const string CustomerCreatedName = "customers.customer-created.v1";
    public const string CustomerContactChangedName = "customers.customer-contact-changed.v1";
    public const string CustomerContactMergedName = "customers.customer-contact-merged.v1";
    public const string CustomerFieldsChangedName = "customers.customer-fields-changed.v1";
    public const string InteractionLoggedName = "customers.interaction-logged.v1";
    public const string PurchaseRecordedName = "customers.customer-purchase-recorded.v1";

    public static EventTypeRegistry RegisterCustomers(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<CustomerCreated>(CustomerCreatedName)
            .Register<CustomerContactChanged>(CustomerContactChangedName)
            .Register<CustomerContactMerged>(CustomerContactMergedName)
            .Register<CustomerFieldsChanged>(CustomerFieldsChangedName)
            .Register<InteractionLogged>(InteractionLoggedName)
            .Register<CustomerPurchaseRecorded>(PurchaseRecordedName)
            .Register<CustomFieldDefined>(CustomFieldStreams.DefinedName)
            .Register<CustomFieldChanged>(CustomFieldStreams.ChangedName)
            .Register<CustomFieldRemoved>(CustomFieldStreams.RemovedName);
    }
}

public static class CustomerStreams
{
    public static string Customer(Guid customerId) => $"customer-{customerId:D}";
}
