using System.Diagnostics;
using MediatR;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>First and outermost: every request is logged once, with who sent it and how it ended.</summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(CommandContext context, ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Request"] = typeof(TRequest).Name,
            ["TenantId"] = context.TenantId,
            ["UserId"] = context.UserId,
            ["CorrelationId"] = context.CorrelationId,
            ["CommandId"] = context.CommandId,
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Handled(logger, RequestName, elapsed);
            return response;
        }
        catch (Exception error)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var errorType = error.GetType().Name;
            Failed(logger, RequestName, elapsed, errorType);
            throw;
        }
    }

    private static readonly string RequestName = typeof(TRequest).Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestName} handled in {ElapsedMs:F1} ms")]
    private static partial void Handled(ILogger logger, string requestName, double elapsedMs);

    // The exception's type only: messages can carry personal data, and the Api logs the error itself.
    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestName} failed after {ElapsedMs:F1} ms with {ErrorType}")]
    private static partial void Failed(ILogger logger, string requestName, double elapsedMs, string errorType);
}
