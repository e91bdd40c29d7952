namespace Platform.Ingest.Tests.Support;

public sealed record MosquittoUser(string Name, string Password);

public sealed record MosquittoSettings
{
    public bool AllowAnonymous { get; init; } = true;

    public IReadOnlyList<MosquittoUser> Users { get; init; } = [];

    /// <summary>Logs every packet ("Received PUBLISH from c (d1, q1, ...)"), so tests can check flags on the wire.</summary>
    public bool LogPackets { get; init; }

    /// <summary>mosquitto's default is 20 unacknowledged QoS 1 messages per client.</summary>
    public int MaxInflightMessages { get; init; } = 20;

    /// <summary>More lines for mosquitto.conf (the platform's generated password and ACL files, raised queues).</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];

    internal string Config(string folder, int port)
    {
        var lines = new List<string>
        {
            $"listener {port} 127.0.0.1",
            $"allow_anonymous {(AllowAnonymous ? "true" : "false")}",
            "persistence true",
            $"persistence_location {folder}/",
            $"max_inflight_messages {MaxInflightMessages}",
            $"log_dest file {folder}/mosquitto.log",
            LogPackets ? "log_type all" : "log_type error\nlog_type warning\nlog_type notice\nlog_type information",
            "log_type subscribe",
            "connection_messages true",
        };
        if (Users.Count > 0)
        {
            lines.Add($"password_file {folder}/passwd");
        }

        lines.AddRange(ExtraConfig);
        return string.Join('\n', lines) + "\n";
    }
}
