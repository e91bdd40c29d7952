using Npgsql;
using Platform.Testing;

namespace Platform.Api.Tests.Security;

public sealed class ApplicationRoleTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_host_refuses_to_start_when_requests_would_run_as_a_superuser()
    {
        var start = () => ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", $"--ConnectionStrings:PlatformApp={database.ConnectionString}");

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("superuser: True");
    }

    [Fact]
    public async Task The_host_refuses_to_start_when_the_application_role_owns_a_table()
    {
        var role = $"{database.DatabaseName}_owner_app";
        await using (var setup = database.DataSource.CreateCommand(
            $"create role {role} login password 'owner-app'; grant create on schema public to {role}; create table owned_by_app (id int); alter table owned_by_app owner to {role}"))
        {
            await setup.ExecuteNonQueryAsync();
        }
        var application = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "owner-app" };

        var start = () => ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", $"--ConnectionStrings:PlatformApp={application.ConnectionString}");

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("tables owned: 1");
    }
}
