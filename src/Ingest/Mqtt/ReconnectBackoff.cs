namespace Platform.Ingest.Mqtt;

/// <summary>
/// Exponential backoff with "equal jitter": the ceiling doubles per attempt up to a maximum and the
/// delay is drawn from its upper half, so a fleet of workers that lost the broker together does
/// not reconnect in lockstep, yet none of them retries in a tight loop.
/// </summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(TimeSpan initial, TimeSpan maximum, int attempt, double random01)
    {
        var ceiling = Math.Min(maximum.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Math.Clamp(random01, 0, 1) / 2)));
    }
}
