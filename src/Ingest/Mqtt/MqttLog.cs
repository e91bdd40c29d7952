using Microsoft.Extensions.Logging;

namespace Platform.Ingest.Mqtt;

internal static partial class MqttLog
{
    [LoggerMessage(LogLevel.Warning, "MQTT connection closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "MQTT connection closed by us: {Reason}")]
    public static partial void ConnectionClosedByUs(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "MQTT client {ClientId}: the broker refused {Filters} when the subscriptions were restored")]
    public static partial void ResubscribeRefused(ILogger logger, string clientId, string filters);

    [LoggerMessage(LogLevel.Information, "MQTT client {ClientId} connected to {Endpoint} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string clientId, string endpoint, bool sessionPresent);

    [LoggerMessage(LogLevel.Warning, "MQTT client {ClientId} could not reconnect (attempt {Attempt}); trying again with backoff")]
    public static partial void ReconnectFailed(ILogger logger, Exception error, string clientId, int attempt);

    [LoggerMessage(LogLevel.Error, "MQTT client {ClientId} stops reconnecting")]
    public static partial void GaveUp(ILogger logger, Exception error, string clientId);

    [LoggerMessage(LogLevel.Error, "MQTT packet handler failed; closing the connection")]
    public static partial void HandlerFailed(ILogger logger, Exception error);

    [LoggerMessage(LogLevel.Debug, "MQTT client {ClientId} resends {Count} unacknowledged publishes with DUP")]
    public static partial void Resending(ILogger logger, string clientId, int count);

    [LoggerMessage(LogLevel.Debug, "MQTT client {ClientId} ignores {Packet} for unknown packet id {PacketId}")]
    public static partial void UnknownPacketId(ILogger logger, string clientId, string packet, int packetId);
}
