namespace Platform.Write.Devices.Alerts;

/// <summary>
/// Where a rule's evaluation stands: since when (measured time) each level's condition has held
/// without a break, and the last value and its time (for the rate of change).
/// </summary>
public sealed record RuleProgress(IReadOnlyList<DateTimeOffset?> Since, decimal? LastValue = null, DateTimeOffset? LastAt = null)
{
    public static RuleProgress Start(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(new DateTimeOffset?[rule.Levels.Count]);
    }
}

/// <summary>
/// What one reading says: <see cref="Held"/> is the highest severity whose condition has held long
/// enough (the alert's severity now), <see cref="Breached"/> the highest whose condition holds at all.
/// <see cref="Value"/> is what was compared: the reading, or its change per minute.
/// </summary>
public sealed record RuleVerdict(AlertSeverity? Held, AlertSeverity? Breached, decimal Value);

/// <summary>Pure: a rule, its progress and a reading in, the next progress and a verdict out. Only measured time counts, so a replay decides the same.</summary>
public static class RuleEvaluator
{
    /// <returns>No verdict when the reading says nothing about the rule (a no-data rule; a first or out-of-order reading of a rate).</returns>
    public static (RuleProgress Progress, RuleVerdict? Verdict) Evaluate(RuleDefinition rule, RuleProgress progress, DateTimeOffset at, decimal reading)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(progress);
        if (rule.Kind == RuleKind.NoData) return (progress, null);
        if (progress.Since.Count != rule.Levels.Count) progress = RuleProgress.Start(rule);

        var value = reading;
        if (rule.Kind == RuleKind.RateOfChange)
        {
            if (progress.LastAt is { } lastAt && at <= lastAt) return (progress, null);
            if (progress is not { LastAt: { } previousAt, LastValue: { } previous })
                return (progress with { LastValue = reading, LastAt = at }, null);
            value = decimal.Round((reading - previous) / (decimal)(at - previousAt).TotalMinutes, 4);
        }

        var since = new DateTimeOffset?[rule.Levels.Count];
        AlertSeverity? held = null, breached = null;
        for (var i = 0; i < since.Length; i++)
        {
            var level = rule.Levels[i];
            if (!level.IsBreachedBy(value)) continue;
            since[i] = progress.Since[i] is { } start && start <= at ? start : at;
            breached = Max(breached, level.Severity);
            if (at - since[i] >= rule.Hold) held = Max(held, level.Severity);
        }
        return (new RuleProgress(since, reading, at), new RuleVerdict(held, breached, value));
    }

    private static AlertSeverity Max(AlertSeverity? a, AlertSeverity b) => a is { } x && x > b ? x : b;
}
