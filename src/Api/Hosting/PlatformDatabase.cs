namespace Platform.Api.Hosting;

/// <summary>
/// The database the host talks to. Known at build time when configured; known only after start-up
/// in embedded mode, because the private cluster's password and state live on disk.
/// </summary>
internal sealed class PlatformDatabase
{
    private string? connectionString;

    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("The embedded PostgreSQL cluster has not started yet.");

    public void Use(string value) => connectionString = value;
}
