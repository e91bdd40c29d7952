namespace Platform.Write.Customers;

/// <summary>
/// What segments need of a customer's history: how many touches, and the three most recent. With the
/// third most recent a customer is frequent when it falls in the window, so a list filters on a column.
/// </summary>
public sealed record CustomerActivity(int Count, IReadOnlyList<DateTimeOffset> Recent)
{
    public const int Kept = 3;

    public static CustomerActivity None { get; } = new(0, []);

    public DateTimeOffset? Last => Recent.Count > 0 ? Recent[0] : null;

    public DateTimeOffset? ThirdLast => Recent.Count >= Kept ? Recent[Kept - 1] : null;

    public CustomerActivity With(DateTimeOffset at) => new(Count + 1, [.. Recent.Append(at).OrderDescending().Take(Kept)]);
}
