using Platform.Write.Analytics;
using Platform.Write.Catalog;
using Platform.Write.Customers;
using Platform.Write.Devices;
using Platform.Write.Leads;
using Platform.Write.Pipeline;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.EventStore;

/// <summary>Every event type the platform stores, under its stable name: one list for the host and for the tests that check them all.</summary>
public static class PlatformEventTypes
{
    public static EventTypeRegistry Create() => new EventTypeRegistry()
        .RegisterTenancy().RegisterCatalog().RegisterDevices().RegisterTenantNetwork().RegisterCatalogSynonyms()
        .RegisterPipeline().RegisterCustomers().RegisterLeads().RegisterPrivacy()
        .RegisterAnalytics();
}
