namespace Platform.Ingest.Mqtt;

public sealed record MqttClientOptions(string Host, int Port, string ClientId)
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>False: the broker keeps subscriptions and unacknowledged QoS 1 messages while we are away.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Whole seconds, at most 65,535; zero turns keep-alive off.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a PINGREQ may wait for its PINGRESP before the connection counts as dead.</summary>
    public TimeSpan? PingTimeout { get; init; }

    public MqttWill? Will { get; init; }

    /// <summary>The largest packet accepted from the broker or sent to it, fixed header included.</summary>
    public int MaximumPacketSize { get; init; } = 1024 * 1024;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaximumReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Received messages waiting for the consumer; when full, reading pauses and TCP pushes back on the broker.</summary>
    public int ReceiveQueueCapacity { get; init; } = 4096;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public string Endpoint => $"{Host}:{Port}";

    internal TimeSpan EffectivePingTimeout => PingTimeout ?? KeepAlive;

    internal ConnectPacket ToConnectPacket() => new(ClientId, CleanSession, (ushort)KeepAlive.TotalSeconds)
    {
        Username = Username,
        // Cast first: a null byte[] would become an empty, non-null password.
        Password = Password is null ? null : (ReadOnlyMemory<byte>?)System.Text.Encoding.UTF8.GetBytes(Password),
        Will = Will,
    };

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumPacketSize, 64);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReceiveQueueCapacity);
        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue || KeepAlive.TotalSeconds % 1 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAlive), KeepAlive, "MQTT keep-alive is whole seconds from 0 to 65,535.");
        }

        MqttPacketRules.ThrowIfInvalid(ToConnectPacket());
    }

    // The password stays out of logs and exception messages.
    public override string ToString() =>
        $"MqttClientOptions {{ Endpoint = {Endpoint}, ClientId = {ClientId}, Username = {Username}, CleanSession = {CleanSession} }}";
}
