using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Tests.Auth;
using Platform.Testing;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

/// <summary>A signed-in user of a tenant, as the request context would hold them.</summary>
public sealed record Member(Guid TenantId, Guid UserId, string Role, string Email)
{
    /// <summary>The owner that sign-up made, for the seed's helpers that act as a member.</summary>
    public static Member OwnerOf(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.TenantId, account.UserId, Roles.Owner, account.Email);
    }
}

/// <summary>
/// One real host on one test database for the tenancy tests; every test makes its own tenants, so
/// they share it safely. Requests go through the real mediator pipeline, or over HTTP.
/// </summary>
public sealed class TenancyApp : IAsyncLifetime
{
    private readonly DatabaseFixture database = new();
    private WebApplication? app;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("Not started.");

    public NpgsqlDataSource System => database.DataSource;

    public HttpClient Http { get; private set; } = new();

    public TenantSeed Seed => new(Services);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        app = PlatformApp.Build([
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Projections:RunDaemon=false"]);
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null) await app.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>Sends as <paramref name="who"/> through the whole pipeline (validation, roles, tenant, idempotency).</summary>
    public async Task<T> SendAsync<T>(Member who, IRequest<T> request)
    {
        ArgumentNullException.ThrowIfNull(who);
        using var scope = Services.CreateScope();
        // Whether the tenant is active is read per request from the tenants row, never trusted from a token.
        var active = await TenantStatusAsync(who.TenantId) == TenantStatuses.Active;
        scope.ServiceProvider.GetRequiredService<CommandContext>().SignIn(who.TenantId, who.UserId, who.Role, null, active);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> SendAnonymousAsync<T>(IRequest<T> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<string?> TenantStatusAsync(Guid tenantId)
    {
        await using var command = System.CreateCommand("select status from tenants where tenant_id = $1");
        command.Parameters.Add(new() { Value = tenantId });
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Reads past row-level security (the test's superuser connection): what is really stored.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = System.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = System.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TenancyCollection : ICollectionFixture<TenancyApp>
{
    public const string Name = "tenancy";
}
