namespace Platform.Write.Storage;

/// <summary>How to run a private PostgreSQL cluster from the machine's own server binaries.</summary>
/// <param name="DataDirectory">The cluster's data folder (PGDATA); created and initialised on first start.</param>
public sealed record LocalPostgresOptions(string DataDirectory)
{
    /// <summary>Null picks a free port, retrying on a clash; a fixed port is used as is.</summary>
    public int? Port { get; init; }

    /// <summary>False turns off fsync and full-page writes for throwaway test clusters; commits still wait for the WAL.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>Extra server settings, written after ours so they win.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
