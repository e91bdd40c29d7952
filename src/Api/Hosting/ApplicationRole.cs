using System.Security.Cryptography;
using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Api.Hosting;

/// <summary>
/// The database role requests run as. Configured (ConnectionStrings:PlatformApp) in a deployment;
/// otherwise made here by the system connection, named after the database, and granted the
/// tenancy schema's access role. Either way it is checked before the host serves anything.
/// </summary>
internal static class ApplicationRole
{
    public static async Task<string> ProvisionAsync(NpgsqlDataSource system, string systemConnectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(systemConnectionString);
        var role = $"{builder.Database}_app".ToLowerInvariant();
        await using var connection = await system.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, "select pg_advisory_xact_lock(hashtext('platform application role'))", ct);

        await using var read = new NpgsqlCommand("select password from application_role_credentials where role_name = $1", connection, transaction);
        read.Parameters.Add(new() { Value = role });
        var password = await read.ExecuteScalarAsync(ct) as string;
        var exists = await RoleExistsAsync(connection, transaction, role, ct);
        if (password is null || !exists)
        {
            password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var quoted = QuoteIdentifier(role);
            await Execute(connection, transaction, exists
                ? $"alter role {quoted} with login nosuperuser nobypassrls password '{password}'"
                : $"create role {quoted} with login nosuperuser nobypassrls password '{password}'", ct);
            await using var save = new NpgsqlCommand("""
                insert into application_role_credentials (role_name, password) values ($1, $2)
                on conflict (role_name) do update set password = excluded.password
                """, connection, transaction);
            save.Parameters.Add(new() { Value = role });
            save.Parameters.Add(new() { Value = password });
            await save.ExecuteNonQueryAsync(ct);
        }
        await Execute(connection, transaction, $"grant {TenancySchema.AccessRole} to {QuoteIdentifier(role)}", ct);
        await transaction.CommitAsync(ct);

        builder.Username = role;
        builder.Password = password;
        return builder.ConnectionString;
    }

    /// <summary>Refuses a role that could see past row-level security: a superuser, BYPASSRLS, or any table's owner.</summary>
    public static async Task VerifyAsync(string applicationConnectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(applicationConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            select r.rolsuper, r.rolbypassrls,
                   (select count(*) from pg_class c
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
                       and pg_has_role(current_user, c.relowner, 'MEMBER')),
                   current_user
              from pg_roles r where r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (super, bypass, owned, name) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt64(2), reader.GetString(3));
        if (super || bypass || owned > 0)
            throw new InvalidOperationException(
                $"The application's database role '{name}' must not be a superuser, bypass row-level security, or own tables " +
                $"(superuser: {super}, bypassrls: {bypass}, tables owned: {owned}). Give it a role that only holds {TenancySchema.AccessRole}.");
    }

    private static async Task<bool> RoleExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string role, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select exists (select from pg_roles where rolname = $1)", connection, transaction);
        command.Parameters.Add(new() { Value = role });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
