using Npgsql;
using Platform.Projections.Storage;
using Platform.Read.Tenancy;
using Platform.Write.Audit;
using Platform.Write.Catalog;
using Platform.Write.Customers;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Platform.Write.Identity;
using Platform.Write.Pipeline;
using Platform.Write.Privacy;
using Platform.Write.Leads;
using Platform.Write.Storage;
using Platform.Write.Tenancy;

namespace Platform.Api.Hosting;

internal static class DatabaseSetup
{
    /// <summary>
    /// ConnectionStrings:Platform (env ConnectionStrings__Platform) names an existing database and
    /// the role that owns its schema; without it the host runs its own PostgreSQL cluster under
    /// Platform:DataDirectory. ConnectionStrings:PlatformApp names the role requests run as; without
    /// it the host makes one (which needs CREATEROLE on the first connection).
    /// </summary>
    public static WebApplicationBuilder AddPlatformDatabase(this WebApplicationBuilder builder)
    {
        var database = new PlatformDatabase();
        var configured = builder.Configuration.GetConnectionString("Platform");
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.Services.AddHostedService<EmbeddedPostgresService>();
        }
        else
        {
            database.Use(configured);
        }

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(services => PlatformDataSource.Create(services.GetRequiredService<PlatformDatabase>().ConnectionString));
        builder.Services.AddKeyedSingleton(TenantDatabase.ServiceKey, (services, _) =>
            PlatformDataSource.Create(services.GetRequiredService<PlatformDatabase>().ApplicationConnectionString));
        builder.Services.AddSingleton<TenantDatabase>();
        builder.Services.AddSingleton<TenantReads>();
        builder.Services.AddSingleton(PlatformEventTypes.Create());
        builder.Services.AddPrivacy(builder.Configuration);
        builder.Services.AddEventStore();

        // Registered after the embedded cluster so it starts after it; Kestrel starts after both,
        // so nothing is served from a database without its schema.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        // After the migrations: the chain sealer starts on a migrated database.
        builder.Services.AddAudit(audit => builder.Configuration.GetSection("Platform:Audit").Bind(audit));
        return builder;
    }
}

internal sealed class DatabaseMigrationService(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    // Resolved here, not in the constructor: the host builds every hosted service before starting
    // any, and in embedded mode the connection string exists only once the cluster has started.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await EventStoreSchema.MigrateAsync(dataSource, cancellationToken);
        await TenancySchema.MigrateAsync(dataSource, cancellationToken);
        await IdentitySchema.MigrateAsync(dataSource, cancellationToken);
        await CatalogSchema.MigrateAsync(dataSource, cancellationToken);
        await DevicesSchema.MigrateAsync(dataSource, cancellationToken);
        await Write.Devices.Alerts.DeviceAlertsSchema.MigrateAsync(dataSource, cancellationToken);
        await PipelineSchema.MigrateAsync(dataSource, cancellationToken);
        await CustomersSchema.MigrateAsync(dataSource, cancellationToken);
        await PrivacySchema.MigrateAsync(dataSource, cancellationToken);
        await LeadsSchema.MigrateAsync(dataSource, cancellationToken);
        await Write.Analytics.AnalyticsSchema.MigrateAsync(dataSource, cancellationToken);
        await ProjectionsSchema.MigrateAsync(dataSource, cancellationToken);
        await AuditSchema.MigrateAsync(dataSource, cancellationToken);

        var database = services.GetRequiredService<PlatformDatabase>();
        var application = configuration.GetConnectionString("PlatformApp");
        if (string.IsNullOrWhiteSpace(application))
            application = await ApplicationRole.ProvisionAsync(dataSource, database.ConnectionString, cancellationToken);
        await ApplicationRole.VerifyAsync(application, cancellationToken);
        database.UseApplicationRole(application);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
