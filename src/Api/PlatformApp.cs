using Platform.Api.Analytics;
using Platform.Api.Auth;
using Platform.Api.Catalog;
using Platform.Api.Demo;
using Platform.Api.Devices;
using Platform.Api.Health;
using Platform.Api.Hosting;
using Platform.Api.Http;
using Platform.Api.Leads;
using Platform.Api.Panel;
using Platform.Api.Pipeline;
using Platform.Api.Public;
using Platform.Projections.Daemon;
using Platform.Write.Customers.Import;

namespace Platform.Api;

/// <summary>The whole host, built in one place so tests start exactly what production runs.</summary>
public static class PlatformApp
{
    /// <param name="args">Command-line arguments; they override every other configuration source.</param>
    /// <param name="services">Extra registrations (a projection, a replaced clock) made last, for hosts that embed the platform.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        // appsettings.json sits beside the binaries; the current folder is where .data goes.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // ASPNETCORE_* variables load as host settings, below appsettings.json, so its Urls would beat
        // ASPNETCORE_URLS; a deployment's environment must win, and the command line above all.
        builder.Configuration.AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args);

        builder.Logging.ClearProviders().AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "O";
        });

        builder.AddPlatformDatabase();
        // After the database: the daemon starts once the embedded cluster is up and migrated.
        builder.Services.AddProjections(runDaemon: builder.Configuration.GetValue("Platform:Projections:RunDaemon", true));
        // After the database too: the embedded broker's accounts are written from the migrated registry.
        builder.Services.AddDeviceIngest(builder.Configuration);
        builder.Services.AddDeviceAlerts(builder.Configuration);
        builder.Services.AddDeviceTelemetry();
        builder.Services.AddPlatformHealthChecks(builder.Configuration);
        builder.Services.AddHttpConventions();
        builder.Services.AddPlatformAuth();
        builder.Services.AddPlatformRateLimits(builder.Configuration);
        builder.Services.AddPublicCatalog(builder.Configuration);
        builder.Services.AddDemoCatalog(builder.Configuration);
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddSingleton<Admin.OperatorTenant>();
        builder.Services.AddHostedService<Operators.OperatorBootstrap>();
        builder.Services.AddCatalogSearch(builder.Configuration);
        builder.Services.AddSalesPipelines();
        builder.Services.AddCustomerImports();
        builder.Services.AddLeads();
        builder.Services.AddSalesAnalytics();
        builder.Services.AddStaffPanel();
        builder.Services.AddCommandPipeline(
            typeof(Write.Tenancy.CommandContext).Assembly, typeof(Read.Tenancy.TenantReads).Assembly, typeof(PlatformApp).Assembly);

        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHttpConventions();
        app.UseAuthentication();
        app.UseRequestContext();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapPlatformOpenApi();
        app.MapPlatformApi();
        return app;
    }
}
