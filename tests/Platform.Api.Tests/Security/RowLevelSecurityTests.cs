using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Testing;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Security;

public sealed class RowLevelSecurityTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_query_with_no_tenant_set_sees_no_rows_of_any_tenant_table()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");
        await SeededTenants.InsertAsync(database.DataSource, "rls-none-a");
        var application = host.Services.GetRequiredService<TenantDatabase>().DataSource;

        foreach (var table in await TenantTablesAsync())
        {
            await using var command = application.CreateCommand($"select count(*) from {table}");
            (await command.ExecuteScalarAsync()).Should().Be(0L, $"{table} must show nothing without a tenant");
        }
        await using var all = database.DataSource.CreateCommand("select count(*) from tenants");
        ((long)(await all.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the rows exist; the application role just cannot see them");
    }

    [Fact]
    public async Task Every_table_with_a_tenant_is_keyed_by_it_first_and_forces_its_policy()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");
        await using var command = database.DataSource.CreateCommand("""
            select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   exists (select from pg_policy p where p.polrelid = c.oid),
                   (select a.attname from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                     where i.indrelid = c.oid and i.indisprimary)
              from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
               and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
               and has_table_privilege('platform_tenant_access', c.oid, 'select')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var checkedTables = 0;
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            reader.GetBoolean(1).Should().BeTrue($"{table} has row-level security enabled");
            reader.GetBoolean(2).Should().BeTrue($"{table} forces it on its owner too");
            reader.GetBoolean(3).Should().BeTrue($"{table} has a policy");
            reader.GetString(4).Should().Be("tenant_id", $"{table}'s key starts with tenant_id");
            checkedTables++;
        }
        checkedTables.Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task A_pooled_connection_never_carries_a_tenant_to_its_next_user()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");
        var a = await SeededTenants.InsertAsync(database.DataSource, "rls-pool-a");
        var b = await SeededTenants.InsertAsync(database.DataSource, "rls-pool-b");
        // One physical connection, so every transaction below reuses the one before it.
        var application = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<TenantDatabase>().DataSource.ConnectionString)
        {
            MaxPoolSize = 1,
            Password = await PasswordOfAsync(host.Services.GetRequiredService<TenantDatabase>().DataSource),
        };
        await using var pool = NpgsqlDataSource.Create(application.ConnectionString);
        var tenants = new TenantDatabase(pool);

        for (var i = 0; i < 50; i++)
        {
            var tenant = i % 2 == 0 ? a : b;
            await using (var tx = await tenants.BeginAsync(tenant))
            {
                await using var own = tx.Command("select array_agg(tenant_id) from tenants");
                ((Guid[])(await own.ExecuteScalarAsync())!).Should().Equal(tenant);
                if (i % 3 == 0) await tx.CommitAsync(); // committed, rolled back or abandoned alike
            }
            await using var bare = pool.CreateCommand("select coalesce(current_setting('platform.tenant_id', true), ''), (select count(*) from tenants)");
            await using var reader = await bare.ExecuteReaderAsync();
            await reader.ReadAsync();
            reader.GetString(0).Should().BeEmpty();
            reader.GetInt64(1).Should().Be(0);
        }
    }

    private async Task<string> PasswordOfAsync(NpgsqlDataSource application)
    {
        await using var command = database.DataSource.CreateCommand("select password from application_role_credentials where role_name = $1");
        command.Parameters.Add(new() { Value = new NpgsqlConnectionStringBuilder(application.ConnectionString).Username });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> TenantTablesAsync()
    {
        await using var command = database.DataSource.CreateCommand("""
            select c.relname from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
               and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
               and has_table_privilege('platform_tenant_access', c.oid, 'select')
            """);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        tables.Should().Contain(["tenants", "users", "sessions", "events"]);
        return tables;
    }
}
