using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Api.Demo.History;

/// <summary>
/// The salespeople a generated history is worked by: user rows of the tenant with the sales role and
/// no password (they sign in only once an owner sets one). Ids and e-mails follow from the tenant and
/// the position, so ensuring the team again adds nobody.
/// </summary>
public static class HistorySalesTeam
{
    private static readonly string[] Names =
    [
        "Ana Gómez", "Carlos Ruiz", "Laura Pérez", "Andrés Torres", "Camila Rojas", "Julián Castro", "Valentina Díaz", "Felipe Moreno",
    ];

    public static async Task<IReadOnlyList<Guid>> EnsureAsync(NpgsqlDataSource system, Guid tenantId, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Names.Length);
        await using var slugCommand = system.CreateCommand("select slug from tenants where tenant_id = $1");
        slugCommand.Parameters.Add(new() { Value = tenantId });
        var slug = (string)(await slugCommand.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No tenant {tenantId}."));
        var ids = Enumerable.Range(0, count).Select(i => UserId(tenantId, i)).ToArray();
        var emails = Enumerable.Range(0, count).Select(i => $"{Email(Names[i])}@{slug}.ventas.test").ToArray();
        await using var insert = system.CreateCommand("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            select $1, u.id, u.email, u.name, 'sales', 'active', null, gen_random_uuid(), 1, now(), now()
              from unnest($2::uuid[], $3::text[], $4::text[]) as u(id, email, name)
            on conflict do nothing
            """);
        foreach (var value in new object[] { tenantId, ids, emails, Names[..count] }) insert.Parameters.Add(new() { Value = value });
        await insert.ExecuteNonQueryAsync(ct);
        return ids;
    }

    private static Guid UserId(Guid tenantId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"history-salesperson/{tenantId:D}/{index}"));
        return HistoryIds.AsVersion4(hash.AsSpan(0, 16));
    }

    private static string Email(string name) =>
        new string(name.ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Where(c => c is >= 'a' and <= 'z' or ' ').ToArray()).Replace(' ', '.');
}
