namespace Platform.Write.Customers.Import;

/// <summary>What became of one row of an imported file.</summary>
public static class ImportOutcomes
{
    public const string New = "new";
    public const string Merged = "merged";
    public const string Skipped = "skipped";
    public const string Invalid = "invalid";

    public static IReadOnlyList<string> All { get; } = [New, Merged, Skipped, Invalid];
}

public static class ImportStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>One row's outcome; <see cref="Row"/> counts data rows from 1 (the header is not a row).</summary>
public sealed record ImportRowResult(int Row, string Outcome, string? Reason, Guid? CustomerId);
