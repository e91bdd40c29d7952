using Platform.Api.Admin;
using Platform.Api.Analytics;
using Platform.Api.Audit;
using Platform.Api.Auth;
using Platform.Api.Catalog;
using Platform.Api.Customers;
using Platform.Api.Devices;
using Platform.Api.Health;
using Platform.Api.Pipeline;
using Platform.Api.Operators;
using Platform.Api.Leads;
using Platform.Api.Panel;
using Platform.Api.Public;
using Platform.Api.Tenancy;

namespace Platform.Api;

/// <summary>Every endpoint group of the Api, mapped in one place.</summary>
internal static class ApiEndpoints
{
    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapTenancyEndpoints();
        app.MapAdminEndpoints();
        app.MapListingEndpoints();
        app.MapReferenceListEndpoints();
        app.MapCatalogSearchEndpoints();
        app.MapPublicCatalog();
        app.MapDeviceEndpoints();
        app.MapDeviceAlertEndpoints();
        app.MapDeviceTelemetryEndpoints();
        app.MapAuditEndpoints();
        app.MapPipelineEndpoints();
        app.MapOpportunityEndpoints();
        app.MapCustomerEndpoints();
        app.MapForgetEndpoints();
        app.MapLeads();
        app.MapAnalyticsEndpoints();
        app.MapPlatformEndpoints();
        app.MapStaffPanel();
        return app;
    }
}
