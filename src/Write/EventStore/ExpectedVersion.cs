namespace Platform.Write.EventStore;

/// <summary>What the writer believes the stream's version is; a mismatch fails the append.</summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -2;
    private const long StreamExistsValue = -3;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>-2 any, -3 the stream exists, 0 no stream, n the stream is at exactly n.</summary>
    public long Value { get; }

    public static ExpectedVersion Any { get; } = new(AnyValue);
    public static ExpectedVersion NoStream { get; } = new(0);
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedVersion Exact(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is 0 or more.");

    public bool IsAny => Value == AnyValue;

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        StreamExistsValue => "stream exists",
        0 => "no stream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
