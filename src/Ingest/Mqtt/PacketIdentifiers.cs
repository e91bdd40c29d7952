namespace Platform.Ingest.Mqtt;

/// <summary>
/// Packet ids for PUBLISH, SUBSCRIBE and UNSUBSCRIBE share one space per session; an id is
/// reused only after its acknowledgement, or the broker would take a new packet for an old one.
/// </summary>
internal sealed class PacketIdentifiers
{
    private readonly HashSet<ushort> inUse = [];
    private ushort last;

    public ushort Take()
    {
        lock (inUse)
        {
            for (var tries = 0; tries < ushort.MaxValue; tries++)
            {
                last = last == ushort.MaxValue ? (ushort)1 : (ushort)(last + 1);
                if (inUse.Add(last))
                {
                    return last;
                }
            }
        }

        throw new InvalidOperationException("All 65,535 MQTT packet identifiers await an acknowledgement.");
    }

    public void Release(ushort id)
    {
        lock (inUse)
        {
            inUse.Remove(id);
        }
    }
}
