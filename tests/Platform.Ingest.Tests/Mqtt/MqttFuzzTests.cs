using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>
/// Random and mutated bytes, as a broken or hostile peer could send them. Seeded, so a failure
/// names a case that replays. The reader must never throw, and whatever it accepts must be a
/// packet our own writer considers valid (so nothing invalid reaches the client's logic).
/// </summary>
public sealed class MqttFuzzTests
{
    private const int MaxPacketSize = 512;

    private static readonly byte[][] ValidPackets = MqttPacketCodecTests.EveryPacketType
        .Select(row => MqttPacketWriter.ToArray((MqttPacket)row[1])).ToArray();

    [Fact]
    public void Random_bytes_never_throw_and_anything_accepted_is_valid()
    {
        var random = new Random(20_261_121);
        var outcomes = new Dictionary<MqttReadStatus, int>();
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                // A plausible first byte gets past the header checks into the body decoders.
                bytes[0] = (byte)((random.Next(1, 15) << 4) | (random.Next(3) == 0 ? random.Next(16) : random.Next(2) * 2));
            }

            Count(outcomes, ReadAll(bytes, $"random case {i}"));
        }

        outcomes.Should().ContainKeys(MqttReadStatus.Packet, MqttReadStatus.Malformed, MqttReadStatus.Incomplete);
    }

    [Fact]
    public void Mutated_valid_packets_never_throw_and_anything_accepted_is_valid()
    {
        var random = new Random(42);
        var outcomes = new Dictionary<MqttReadStatus, int>();
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = ValidPackets[random.Next(ValidPackets.Length)].ToList();
            for (var mutations = random.Next(1, 4); mutations > 0 && bytes.Count > 0; mutations--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 1: bytes[at] = (byte)random.Next(256); break;
                    case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                    default: bytes.Insert(at, (byte)random.Next(256)); break;
                }
            }

            Count(outcomes, ReadAll([.. bytes], $"mutation case {i}"));
        }

        // The mutations must reach deep enough for all three outcomes to be common.
        outcomes.Values.Should().OnlyContain(count => count > 1_000, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task A_connection_fed_random_bytes_always_closes_with_a_reason()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var pipes = new PipePair();
            using var connection = new MqttConnection(pipes, MaxPacketSize, NullLogger.Instance, TimeProvider.System);
            var packets = 0;
            var reading = connection.ReadAsync(_ =>
            {
                packets++;
                return ValueTask.CompletedTask;
            });

            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);

            // Half the cases start with valid packets, so the garbage arrives mid-conversation.
            var bytes = random.Next(2) == 0 ? [.. ValidPackets[random.Next(ValidPackets.Length)], .. noise] : noise;

            for (var offset = 0; offset < bytes.Length;)
            {
                var chunk = Math.Min(random.Next(1, 40), bytes.Length - offset);
                await pipes.Broker.WriteAsync(bytes.AsMemory(offset, chunk));
                offset += chunk;
            }

            await pipes.Broker.CompleteAsync();
            var reason = await reading.WaitAsync(TimeSpan.FromSeconds(5));

            reason.Should().NotBeNullOrWhiteSpace($"case {i}");
            connection.IsClosed.Should().BeTrue($"case {i}");
        }
    }

    private static void Count(Dictionary<MqttReadStatus, int> outcomes, IEnumerable<MqttReadStatus> statuses)
    {
        foreach (var status in statuses)
        {
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }
    }

    private static List<MqttReadStatus> ReadAll(byte[] bytes, string name)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var statuses = new List<MqttReadStatus>();
        while (true)
        {
            var before = buffer.Length;
            MqttReadResult read;
            try
            {
                read = MqttPacketReader.TryRead(ref buffer, MaxPacketSize);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{name} threw on {Convert.ToHexString(bytes)}", e);
            }

            statuses.Add(read.Status);
            if (read.Status != MqttReadStatus.Packet)
            {
                (read.Status == MqttReadStatus.Incomplete || read.Error is { Length: > 0 }).Should().BeTrue(name);
                return statuses;
            }

            buffer.Length.Should().BeLessThan(before, $"{name} must make progress");
            var reencode = () => MqttPacketWriter.ToArray(read.Packet!);
            reencode.Should().NotThrow($"{name} accepted {read.Packet} from {Convert.ToHexString(bytes)}");
        }
    }
}
