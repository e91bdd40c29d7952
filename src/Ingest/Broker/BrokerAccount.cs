using System.Security.Cryptography;
using System.Text;
using Platform.Write.Devices;

namespace Platform.Ingest.Broker;

/// <summary>One user of the broker's password file and the topics its ACL lets it write and read.</summary>
public sealed record BrokerAccount(string Username, string PasswordHash, IReadOnlyList<string> Writes, IReadOnlyList<string> Reads)
{
    /// <summary>A device publishes its telemetry and status, and reads its acks and commands; nothing else.</summary>
    public static BrokerAccount Device(Guid tenantId, Guid deviceId, string username, string passwordHash)
    {
        var topics = DeviceTopics.Of(tenantId, deviceId);
        return new BrokerAccount(username, passwordHash, [topics.Telemetry, topics.Status], [topics.Ack, topics.Command]);
    }

    /// <summary>
    /// The ingest reads every device's telemetry and status and writes acks and commands. Its salt is
    /// derived from its secret so every process writes the same line and the file does not churn.
    /// </summary>
    public static BrokerAccount Ingest(string username, string password)
    {
        var salt = SHA256.HashData(Encoding.UTF8.GetBytes($"{username}\n{password}"))[..12];
        const string all = "tenants/+/devices/+";
        return new BrokerAccount(username, DeviceSecrets.Hash(password, salt), [$"{all}/ack", $"{all}/cmd"], [$"{all}/telemetry", $"{all}/status"]);
    }
}
