namespace Platform.Ingest.Broker;

/// <summary>Platform:Mqtt: where the broker is, the ingest's account on it, and where its account files are written.</summary>
public sealed class MqttBrokerOptions
{
    public const string Section = "Platform:Mqtt";

    /// <summary>Runs a private mosquitto under {Platform:DataDirectory}/mosquitto for as long as the host runs.</summary>
    public bool Embedded { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>The ingest's account; devices cannot take it (their user names are their ids).</summary>
    public string Username { get; set; } = "ingest";

    /// <summary>Required unless embedded, where it is generated once and kept beside the broker's files.</summary>
    public string? Password { get; set; }

    /// <summary>Where this process writes the broker's passwd and acl files; none: another process provisions.</summary>
    public string? ProvisioningDirectory { get; set; }

    /// <summary>The broker's pid file: signalled (SIGHUP) after the files change. None: the broker's side reloads on its own.</summary>
    public string? PidFile { get; set; }

    /// <summary>Also regenerate the files this often, for changes whose notification was missed.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>mosquitto's default of 20 unacknowledged messages per client would cap the ingest's batches at 20.</summary>
    public int MaxInflightMessages { get; set; } = 1000;

    /// <summary>mosquitto's default of 1,000 silently drops what a slow or restarting worker has not taken yet.</summary>
    public int MaxQueuedMessages { get; set; } = 1_000_000;
}
