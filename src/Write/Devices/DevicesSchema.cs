using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Devices;

/// <summary>The device registry, presence and ack marks; after the tenancy schema, whose tenants table it references.</summary>
public static class DevicesSchema
{
    public const string Module = "devices";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(DevicesSchema).Assembly, "Devices.Migrations", ct);
}
