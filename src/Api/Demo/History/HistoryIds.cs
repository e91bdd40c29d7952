namespace Platform.Api.Demo.History;

/// <summary>Ids drawn from the history's seeded generator: the same seed gives the same ids, so a replay is deduplicated.</summary>
public sealed class HistoryIds(Random random)
{
    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return AsVersion4(bytes);
    }

    public static Guid AsVersion4(ReadOnlySpan<byte> sixteen)
    {
        Span<byte> bytes = stackalloc byte[16];
        sixteen[..16].CopyTo(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
