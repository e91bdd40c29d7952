using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Tests.Admin;
using Platform.Api.Tests.Auth;
using Platform.Projections.Daemon;
using Platform.Testing;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Security;

/// <summary>
/// Read models on the application's role: a projection table with tenant_id gets row-level security
/// forced, its view reads as the caller (security_invoker), and a rebuild's new view is granted again.
/// </summary>
public sealed class ProjectionReadAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string View = "tenancy_event_counts";

    [Fact]
    public async Task The_application_role_reads_only_its_tenants_rows_before_and_after_a_view_switch()
    {
        await using var host = await ApiHost.StartAsync(services => services.AddProjection<TenancyEventCounts>(),
            $"--ConnectionStrings:Platform={database.ConnectionString}");
        var a = await TestAccounts.RegisterTenantAsync(host.Client);
        var b = await TestAccounts.RegisterTenantAsync(host.Client);
        var application = host.Services.GetRequiredService<TenantDatabase>();
        await EventuallyAsync(async () => await CountAsync(database.DataSource, $"select count(distinct tenant_id) from {View}") >= 2);

        (await TenantsSeenAsync(application, a.TenantId)).Should().Equal(a.TenantId);
        (await TenantsSeenAsync(application, b.TenantId)).Should().Equal(b.TenantId);
        await using (var bare = application.DataSource.CreateCommand($"select count(*) from {View}"))
            ((long)(await bare.ExecuteScalarAsync())!).Should().Be(0, "no tenant set, no rows");
        (await CountAsync(database.DataSource, """
            select count(*) from pg_class where relname = 'tenancy_event_counts_v1' and relrowsecurity and relforcerowsecurity
            """)).Should().Be(1);
        (await CountAsync(database.DataSource, $"select count(*) from pg_class where relname = '{View}' and 'security_invoker=true' = any(reloptions)"))
            .Should().Be(1);

        // Taken away by hand: the switch to the rebuilt generation has to grant the view again.
        await ExecuteAsync(database.DataSource, $"revoke select on {View} from {TenancySchema.AccessRole}");
        await host.Services.GetRequiredService<ProjectionOperations>().RebuildAsync(TenancyEventCounts.ProjectionName, "prueba");
        await EventuallyAsync(async () => await CountAsync(database.DataSource,
            "select count(*) from pg_views where viewname = 'tenancy_event_counts' and definition like '%tenancy_event_counts_v1_r2%'") == 1);

        (await TenantsSeenAsync(application, a.TenantId)).Should().Equal(a.TenantId);
        (await CountAsync(database.DataSource, """
            select count(*) from pg_class where relname = 'tenancy_event_counts_v1_r2' and relrowsecurity and relforcerowsecurity
            """)).Should().Be(1);
    }

    [Fact]
    public async Task Catalog_search_tables_are_secured_and_the_network_table_shows_rows_only_in_the_network_scope()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");
        await EventuallyAsync(async () => await CountAsync(database.DataSource, "select count(*) from pg_views where viewname = 'catalog_network'") == 1);
        (await CountAsync(database.DataSource, """
            select count(*) from pg_class c
             where c.relname in ('catalog_search_v1', 'catalog_network_v1', 'catalog_tenants_v1', 'catalog_vocabulary_v1', 'catalog_synonyms_v1')
               and c.relrowsecurity and c.relforcerowsecurity and has_table_privilege('platform_tenant_access', c.oid, 'select')
            """)).Should().Be(5);
        (await CountAsync(database.DataSource, """
            select count(*) from pg_policy where polrelid = 'catalog_network_v1'::regclass and polname in ('tenant_isolation', 'network_search')
            """)).Should().Be(2);
    }

    private static async Task<List<Guid>> TenantsSeenAsync(TenantDatabase application, Guid tenant)
    {
        await using var tx = await application.BeginAsync(tenant);
        await using var command = tx.Command($"select distinct tenant_id from {View}");
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new List<Guid>();
        while (await reader.ReadAsync()) seen.Add(reader.GetGuid(0));
        return seen;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        // Polling pg_views while a switch drops the old generation's table can meet the dropped
        // relation (XX000 "could not open relation"): not there yet, ask again.
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InternalError)
        {
            return -1;
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the projection catches up within seconds");
            await Task.Delay(50);
        }
    }
}
