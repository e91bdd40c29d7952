using Platform.Testing;

namespace Platform.Api.Tests.Auth;

/// <summary>A fresh database and one running host on it, shared by the tests of one class.</summary>
public sealed class AuthApiFixture : IAsyncLifetime
{
    private ApiHost? host;

    public DatabaseFixture Database { get; } = new();

    internal ApiHost Host => host ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={Database.ConnectionString}");
    }

    /// <summary>Another host on the same database, with extra settings (short lifetimes, low limits).</summary>
    internal Task<ApiHost> StartHostAsync(params string[] settings) =>
        ApiHost.StartAsync([$"--ConnectionStrings:Platform={Database.ConnectionString}", .. settings]);

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new() { Value = value });
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new() { Value = value });
        return await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
