using Microsoft.Extensions.Logging;

namespace Platform.Projections.Daemon;

internal static partial class DaemonLog
{
    [LoggerMessage(LogLevel.Information, "Projection daemon {Instance} runs {Projections}")]
    public static partial void Started(this ILogger logger, string instance, string projections);

    [LoggerMessage(LogLevel.Information, "Instance {Instance} is active for {Projection}")]
    public static partial void BecameActive(this ILogger logger, string instance, string projection);

    [LoggerMessage(LogLevel.Warning, "Instance {Instance} stopped applying {Projection}: its leadership may be lost")]
    public static partial void StoppedLeadershipLost(this ILogger logger, Exception error, string instance, string projection);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} stopped on an error; standing by")]
    public static partial void StoppedOnError(this ILogger logger, Exception error, string projection);

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} could not try for leadership")]
    public static partial void LeadershipAttemptFailed(this ILogger logger, Exception error, string projection);

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} no longer holds its leadership lock")]
    public static partial void LockNotHeld(this ILogger logger, string projection);

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} lost its leadership connection")]
    public static partial void LockConnectionLost(this ILogger logger, Exception error, string projection);

    [LoggerMessage(LogLevel.Debug, "Could not release the leadership lock of {Projection}")]
    public static partial void UnlockFailed(this ILogger logger, Exception error, string projection);

    [LoggerMessage(LogLevel.Information, "Checkpoint of {Projection} moved under it; reading it again")]
    public static partial void CheckpointMoved(this ILogger logger, string projection);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} could not initialize; retrying in {Backoff}")]
    public static partial void InitializeFailed(this ILogger logger, Exception error, string projection, TimeSpan backoff);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} failed on event {Position} ({EventType}, {EventId}), attempt {Attempts}")]
    public static partial void EventFailed(
        this ILogger logger, Exception error, string projection, long position, string eventType, Guid eventId, int attempts);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} switched its views from {From} to {To}")]
    public static partial void Switched(this ILogger logger, string projection, string from, string to);

    [LoggerMessage(LogLevel.Debug, "Generation {Projection} has read to the end but the serving one applied more; catching up")]
    public static partial void SwitchBehind(this ILogger logger, string projection);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} could not switch to serving; retrying")]
    public static partial void SwitchFailed(this ILogger logger, Exception error, string projection);

    [LoggerMessage(LogLevel.Information, "Generation {Projection} was replaced by a switch; it stops")]
    public static partial void GenerationReplaced(this ILogger logger, string projection);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} is retired: a newer version serves it")]
    public static partial void Retired(this ILogger logger, string projection);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} starts rebuild request {Request}")]
    public static partial void RebuildStarted(this ILogger logger, string projection, long request);
}
