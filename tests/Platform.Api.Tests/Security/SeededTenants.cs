using Npgsql;

namespace Platform.Api.Tests.Security;

/// <summary>Tenant rows written straight through the system connection, for tests of the database's own rules.</summary>
internal static class SeededTenants
{
    public static async Task<Guid> InsertAsync(NpgsqlDataSource system, string slug)
    {
        var id = Guid.CreateVersion7();
        await using var command = system.CreateCommand("""
            insert into tenants (tenant_id, slug, name, country, time_zone, currency, industry, plan, status, version, created_at, updated_at)
            values ($1, $2, $2, 'MX', 'America/Mexico_City', 'MXN', 'retail', 'basic', 'active', 1, now(), now())
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = slug });
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
