using MediatR;
using Npgsql;
using Platform.Write.Catalog;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Api.Demo;

/// <summary>
/// Seeds one demo dealership through the real commands (sign-up, create, publish), once: a restart
/// finds the tenant and tops its catalog up to the configured count, so an interrupted seed finishes.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<DemoSeeder> logger,
    DemoOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After the host has started: the embedded cluster is up and every schema migrated.
        // The system data source is resolved only then: in embedded mode its connection string exists once the cluster runs.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(started.SetResult)) await started.Task.WaitAsync(stoppingToken);

        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The demo is a convenience: the platform keeps serving without it.
            SeedFailed(logger, error);
        }
    }

    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        var (tenantId, ownerId) = await FindAsync(stoppingToken) ?? await RegisterAsync(stoppingToken);
        await using (var owner = OwnerScope(tenantId, ownerId))
            await DemoReferenceLists.EnsureAsync(owner.ServiceProvider.GetRequiredService<IMediator>(), stoppingToken);
        await using (var owner = OwnerScope(tenantId, ownerId))
        {
            var devices = await DemoDevices.EnsureAsync(owner.ServiceProvider.GetRequiredService<IMediator>(), SystemDatabase, tenantId, stoppingToken);
            services.GetService<DemoDeviceFleet>()?.Start(tenantId, ownerId, devices);
        }
        var existing = await CountAsync(tenantId, stoppingToken);
        var generator = new DemoListingGenerator(options.Country, options.Currency, time.GetUtcNow().Year);
        for (var index = (int)existing; index < options.Listings && !stoppingToken.IsCancellationRequested; index++)
        {
            await using var scope = OwnerScope(tenantId, ownerId);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var created = await mediator.Send(generator.Generate(index), stoppingToken);
            await mediator.Send(new ChangeListingStatus(created.ListingId, ListingStatus.Published), stoppingToken);
        }
        Seeded(logger, options.Listings, options.Slug);
        History.SalesHistory? history;
        await using (var scope = services.CreateAsyncScope())
            history = await ActivatorUtilities.CreateInstance<History.DemoHistory>(scope.ServiceProvider).EnsureAsync(tenantId, options, stoppingToken);
        if (history is null) return;
        HistorySeeded(logger, history.Leads, history.Opportunities, history.Events.Count);
        // Once, with the history it measures: a restart finds the history in place and sets nothing.
        await using (var owner = OwnerScope(tenantId, ownerId))
            await DemoTargets.SetAsync(owner.ServiceProvider.GetRequiredService<IMediator>(), history, time.GetUtcNow(), options.HistoryMonths, stoppingToken);
    }

    private AsyncServiceScope OwnerScope(Guid tenantId, Guid ownerId)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CommandContext>().SignIn(tenantId, ownerId, Roles.Owner, null);
        return scope;
    }

    private NpgsqlDataSource SystemDatabase => services.GetRequiredService<NpgsqlDataSource>();

    private async Task<(Guid TenantId, Guid OwnerId)?> FindAsync(CancellationToken ct)
    {
        await using var command = SystemDatabase.CreateCommand("""
            select t.tenant_id, u.user_id from tenants t join users u on u.tenant_id = t.tenant_id and u.role = 'owner'
             where t.slug = $1 order by u.created_at limit 1
            """);
        command.Parameters.Add(new() { Value = options.Slug });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetGuid(1)) : null;
    }

    private async Task<(Guid TenantId, Guid OwnerId)> RegisterAsync(CancellationToken ct)
    {
        var password = options.OwnerPassword;
        if (string.IsNullOrWhiteSpace(password))
        {
            password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15));
            GeneratedPassword(logger, options.OwnerEmail, password);
        }
        await using var scope = services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RegisterTenant(
            options.Name, options.Slug, options.Country, options.TimeZone, options.Currency, "dealership", "Dueño Demo",
            options.OwnerEmail, password, ClientInfo.Of(null, "demo-seed")), ct);
        return (registration.TenantId, registration.UserId);
    }

    private async Task<long> CountAsync(Guid tenantId, CancellationToken ct)
    {
        await using var command = SystemDatabase.CreateCommand("select count(*) from listings where tenant_id = $1");
        command.Parameters.Add(new() { Value = tenantId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog ready: {Count} listings at /catalogo/{Slug}")]
    private static partial void Seeded(ILogger logger, int count, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo sales history seeded: {Leads} leads, {Opportunities} opportunities, {Events} events")]
    private static partial void HistorySeeded(ILogger logger, int leads, int opportunities, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo catalog failed")]
    private static partial void SeedFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo owner {Email} registered with the generated password {Password}; set Platform:Demo:OwnerPassword to choose one")]
    private static partial void GeneratedPassword(ILogger logger, string email, string password);
}
