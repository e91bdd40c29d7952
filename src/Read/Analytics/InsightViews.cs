namespace Platform.Read.Analytics;

/// <summary>
/// The read views of the catalog-analytics and device-analytics projections, days in the tenant's time zone.
/// Each is a view the projection daemon points at the serving generation's table; row-level security by tenant.
/// </summary>
public static class InsightViews
{
    /// <summary>(tenant_id, listing_id): status, first_published_at, first_published_day — each listing's place in the stock.</summary>
    public const string CatalogListings = "analytics_catalog_listings";

    /// <summary>(tenant_id, listing_id, version): day, status (sold, withdrawn), seconds — a published listing sold or withdrawn, and how long it had been published.</summary>
    public const string CatalogExits = "analytics_catalog_exits";

    /// <summary>(tenant_id, listing_id, version): day, from_amount, to_amount — a price lowered in the same currency.</summary>
    public const string CatalogPriceDrops = "analytics_catalog_price_drops";

    /// <summary>(tenant_id, day, listing_id): quotes — quote requests per listing and day.</summary>
    public const string CatalogQuotes = "analytics_catalog_quotes";

    /// <summary>(tenant_id, day, device_id): readings — readings recorded per device and day (device id as the reading names it).</summary>
    public const string DeviceReadings = "analytics_device_readings";

    /// <summary>(tenant_id, day, device_id, severity): raised — alerts raised per device, severity and day.</summary>
    public const string DeviceAlerts = "analytics_device_alerts";

    public static IReadOnlyList<string> Catalog { get; } = [CatalogListings, CatalogExits, CatalogPriceDrops, CatalogQuotes];

    public static IReadOnlyList<string> Devices { get; } = [DeviceReadings, DeviceAlerts];
}
