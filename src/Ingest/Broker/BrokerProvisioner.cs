using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Ingest.Broker;

/// <summary>
/// Writes the broker's password and ACL files from the device registry and makes the broker reload
/// them. The registry is the only source: the files are regenerated whole every time, so a change
/// whose write or reload was missed is repaired by the next one. Processes sharing the folder take
/// turns (an advisory lock) and only a real change is written and reloaded.
/// </summary>
public sealed partial class BrokerProvisioner(
    NpgsqlDataSource system, IOptions<MqttBrokerOptions> options, BrokerReload reload, ILogger<BrokerProvisioner> logger)
{
    private const string AccountsSql = """
        select tenant_id, device_id, username, secret_hash from devices
         where status = 'active' and secret_hash is not null
        """;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.ProvisioningDirectory);

    /// <summary>True when the files changed (and the broker was asked to reload).</summary>
    public async Task<bool> SyncAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!Enabled) return false;
        if (string.IsNullOrEmpty(settings.Password)) throw new InvalidOperationException($"{MqttBrokerOptions.Section}:Password is required to provision the broker.");
        var folder = settings.ProvisioningDirectory!;
        Directory.CreateDirectory(folder);

        await using var connection = await system.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var @lock = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('mqtt-broker-files/' || $1, 0))", connection, transaction))
        {
            @lock.Parameters.Add(new() { Value = Path.GetFullPath(folder) });
            await @lock.ExecuteNonQueryAsync(ct);
        }

        var accounts = new List<BrokerAccount> { BrokerAccount.Ingest(settings.Username, settings.Password) };
        await using (var command = new NpgsqlCommand(AccountsSql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                accounts.Add(BrokerAccount.Device(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3)));
        }

        var changed = await WriteIfChangedAsync(Path.Combine(folder, BrokerFiles.PasswordFile), BrokerFiles.Passwords(accounts), ct);
        changed |= await WriteIfChangedAsync(Path.Combine(folder, BrokerFiles.AclFile), BrokerFiles.Acl(accounts), ct);
        if (changed)
        {
            await reload.ReloadAsync(ct);
            Provisioned(logger, accounts.Count - 1, folder);
        }
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>Written beside and renamed over: the broker never reads half a file.</summary>
    private static async Task<bool> WriteIfChangedAsync(string path, string content, CancellationToken ct)
    {
        if (File.Exists(path) && await File.ReadAllTextAsync(path, ct) == content) return false;
        var temporary = path + ".new";
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        await BrokerReload.GiveToBrokerUserAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker accounts written: {Devices} devices, in {Folder}")]
    private static partial void Provisioned(ILogger logger, int devices, string folder);
}
