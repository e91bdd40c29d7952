using System.Globalization;
using Npgsql;
using Platform.Ingest.Broker;
using Platform.Ingest.Tests.Support;
using Platform.Testing;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Platform.Write.Storage;
using Platform.Write.Tenancy;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>A registered device as the simulated devices use it.</summary>
internal sealed record SimDevice(Guid TenantId, Guid DeviceId, string Password)
{
    public string Username => DeviceId.ToString("D");

    public DeviceTopics Topics => DeviceTopics.Of(TenantId, DeviceId);
}

/// <summary>
/// A migrated database with a tenant and its devices in the registry, a mosquitto reading the
/// platform's generated password and ACL files for them, and the ingest as a separate process.
/// </summary>
internal sealed class IngestWorld : IAsyncDisposable
{
    private const string IngestPassword = "s3cret-ingest-test";
    private readonly string files = TestDirectories.Create();
    private IngestCrashHost? ingest;

    private IngestWorld(DatabaseFixture database) => Database = database;

    public DatabaseFixture Database { get; }

    public Guid TenantId { get; } = Guid.CreateVersion7();

    public IReadOnlyList<SimDevice> Devices { get; private set; } = [];

    public MosquittoBroker Broker { get; private set; } = null!;

    public static async Task<IngestWorld> StartAsync(DatabaseFixture database, int devices)
    {
        var world = new IngestWorld(database);
        await EventStoreSchema.MigrateAsync(database.DataSource);
        await TenancySchema.MigrateAsync(database.DataSource);
        await DevicesSchema.MigrateAsync(database.DataSource);
        world.Devices = await world.RegisterAsync(devices);
        var accounts = world.Devices.Select(d => BrokerAccount.Device(d.TenantId, d.DeviceId, d.Username, DeviceSecrets.Hash(d.Password)))
            .Append(BrokerAccount.Ingest("ingest", IngestPassword)).ToList();
        await File.WriteAllTextAsync(Path.Combine(world.files, BrokerFiles.PasswordFile), BrokerFiles.Passwords(accounts));
        await File.WriteAllTextAsync(Path.Combine(world.files, BrokerFiles.AclFile), BrokerFiles.Acl(accounts));
        world.Broker = await MosquittoBroker.StartAsync(new MosquittoSettings
        {
            AllowAnonymous = false,
            MaxInflightMessages = 1000,
            ExtraConfig =
            [
                $"password_file {Path.Combine(world.files, BrokerFiles.PasswordFile)}", $"acl_file {Path.Combine(world.files, BrokerFiles.AclFile)}",
                "max_queued_messages 1000000", "max_queued_bytes 0",
            ],
        });
        return world;
    }

    public void StartIngest()
    {
        ingest?.Dispose();
        ingest = IngestCrashHost.Start(
        [
            $"--ConnectionStrings:Platform={Database.ConnectionString}", $"--Platform:Mqtt:Host={Broker.Host}",
            string.Create(CultureInfo.InvariantCulture, $"--Platform:Mqtt:Port={Broker.Port}"), "--Platform:Mqtt:Username=ingest",
            $"--Platform:Mqtt:Password={IngestPassword}", "--Platform:Ingest:ClientId=ingest-test", "--Logging:LogLevel:Default=Warning",
        ]);
    }

    public void KillIngest() => ingest?.KillNine();

    /// <summary>Until then a message has no subscriber and the broker drops it (a device would resend it later).</summary>
    public async Task WaitForIngestAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!Broker.Log().Contains(" ingest-test 1 $share/ingest/tenants/+/devices/+/telemetry", StringComparison.Ordinal))
            await Task.Delay(50, timeout.Token);
    }

    public string IngestOutput => ingest?.Output ?? "";

    public async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        ingest?.Dispose();
        if (Broker is not null) await Broker.DisposeAsync();
        await TestDirectories.DeleteAsync(files);
    }

    private async Task<List<SimDevice>> RegisterAsync(int count)
    {
        await using var tenant = Database.DataSource.CreateCommand("""
            insert into tenants (tenant_id, slug, name, country, time_zone, currency, industry, plan, status, version, created_at, updated_at)
            values ($1, $2, 'Carnicería de Prueba', 'CO', 'America/Bogota', 'COP', 'retail', 'enterprise', 'active', 1, now(), now())
            """);
        tenant.Parameters.Add(new NpgsqlParameter { Value = TenantId });
        tenant.Parameters.Add(new NpgsqlParameter { Value = $"t-{TenantId:N}"[..24] });
        await tenant.ExecuteNonQueryAsync();
        var devices = Enumerable.Range(0, count).Select(_ => new SimDevice(TenantId, Guid.CreateVersion7(), DeviceSecrets.Generate())).ToList();
        foreach (var device in devices)
        {
            await using var insert = Database.DataSource.CreateCommand("""
                insert into devices (tenant_id, device_id, name, profile, sensors, username, secret_hash, status, version, created_at, updated_at)
                values ($1, $2, 'Nevera', 'fridge-temperature', '[]', $3, $4, 'active', 1, now(), now())
                """);
            foreach (var value in new object[] { TenantId, device.DeviceId, device.Username, DeviceSecrets.Hash(device.Password) })
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            await insert.ExecuteNonQueryAsync();
        }
        return devices;
    }
}
