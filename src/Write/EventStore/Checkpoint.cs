namespace Platform.Write.EventStore;

/// <summary>
/// A reader's place in the store: the (transaction id, position) of the last event it delivered.
/// Positions alone are not enough: they are handed out before commit, so a transaction can commit
/// a lower position after a higher one has been read.
/// </summary>
public readonly record struct Checkpoint(ulong TransactionId, long Position) : IComparable<Checkpoint>
{
    public static Checkpoint Start { get; } = new(0, 0);

    public int CompareTo(Checkpoint other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(Checkpoint left, Checkpoint right) => left.CompareTo(right) < 0;
    public static bool operator >(Checkpoint left, Checkpoint right) => left.CompareTo(right) > 0;
    public static bool operator <=(Checkpoint left, Checkpoint right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Checkpoint left, Checkpoint right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{TransactionId}/{Position}";
}
