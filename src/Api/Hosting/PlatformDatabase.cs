namespace Platform.Api.Hosting;

/// <summary>
/// The database the host talks to. Known at build time when configured; known only after start-up
/// in embedded mode, because the private cluster's password and state live on disk.
/// </summary>
internal sealed class PlatformDatabase
{
    private string? connectionString;
    private string? applicationConnectionString;

    /// <summary>The system connection: migrations, the event store's readers, the projection daemon.</summary>
    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("The embedded PostgreSQL cluster has not started yet.");

    /// <summary>The application role's connection: every request's reads and writes of tenant tables.</summary>
    public string ApplicationConnectionString =>
        applicationConnectionString ?? throw new InvalidOperationException("The application's database role is not ready yet.");

    public void Use(string value) => connectionString = value;

    public void UseApplicationRole(string value) => applicationConnectionString = value;
}
