namespace Platform.Ingest.Mqtt;

/// <summary>The connection ended before the operation completed; the message says why.</summary>
public sealed class MqttConnectionLostException(string reason, Exception? inner = null)
    : Exception($"MQTT connection lost: {reason}", inner)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Connecting failed: the broker could not be reached, or it answered CONNACK with a refusal
/// (<see cref="ReturnCode"/>), such as a bad user name or password.
/// </summary>
public sealed class MqttConnectException : Exception
{
    public MqttConnectException(ConnectReturnCode returnCode, string endpoint)
        : base($"The MQTT broker at {endpoint} refused the connection: {Describe(returnCode)} (CONNACK return code {(int)returnCode}).")
    {
        ReturnCode = returnCode;
    }

    public MqttConnectException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public ConnectReturnCode? ReturnCode { get; }

    /// <summary>A refusal that retrying will not cure: credentials, authorization, client id, protocol.</summary>
    public bool IsPermanent => ReturnCode is { } code && code != ConnectReturnCode.ServerUnavailable;

    public static string Describe(ConnectReturnCode code) => code switch
    {
        ConnectReturnCode.Accepted => "accepted",
        ConnectReturnCode.UnacceptableProtocolVersion => "it does not speak MQTT 3.1.1",
        ConnectReturnCode.IdentifierRejected => "it rejected the client id",
        ConnectReturnCode.ServerUnavailable => "the MQTT service is unavailable",
        ConnectReturnCode.BadUsernameOrPassword => "bad user name or password",
        ConnectReturnCode.NotAuthorized => "not authorized",
        _ => "unknown reason",
    };
}

/// <summary>The broker refused some topic filters of a SUBSCRIBE (SUBACK 0x80), typically by its ACL.</summary>
public sealed class MqttSubscribeException(IReadOnlyList<string> refusedFilters)
    : Exception($"The MQTT broker refused the subscription to {string.Join(", ", refusedFilters)}.")
{
    public IReadOnlyList<string> RefusedFilters { get; } = refusedFilters;
}
