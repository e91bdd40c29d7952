using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>
/// Remembers a signed-in user's POST by its Idempotency-Key for a day: the first request runs,
/// a retry of the same request gets the first response, a different request under the key is refused.
/// Responses can hold secrets (an invitation's one-time token), so the table keeps each one only
/// encrypted with the Data Protection key ring, for that tenant and user alone: the response column
/// holds a JSON string, the protected text, never the response itself.
/// </summary>
public sealed class IdempotencyStore(TenantDatabase database, IDataProtectionProvider protection)
{
    private const string Purpose = "Platform.Idempotency.Response";

    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A claim whose process died mid-request is taken over after this long.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(1);

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyKey key, string requestType, byte[] requestHash, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(key.TenantId, ct);
        await using var command = tx.Command("""
            insert into idempotency_keys as k (tenant_id, user_id, idempotency_key, request_type, request_hash)
            values ($1, $2, $3, $4, $5)
            on conflict (tenant_id, user_id, idempotency_key) do update
               set request_type = excluded.request_type, request_hash = excluded.request_hash,
                   completed = false, response = null, created_at = now()
             where k.created_at < now() - $6::interval
                or (not k.completed and k.created_at < now() - $7::interval and k.request_hash = excluded.request_hash)
            returning true
            """);
        command.Parameters.Add(new() { Value = key.TenantId });
        command.Parameters.Add(new() { Value = key.UserId });
        command.Parameters.Add(new() { Value = key.Value });
        command.Parameters.Add(new() { Value = requestType });
        command.Parameters.Add(new() { Value = requestHash });
        command.Parameters.Add(new() { Value = Retention });
        command.Parameters.Add(new() { Value = Abandoned });
        var claimed = await command.ExecuteScalarAsync(ct) is true;
        if (claimed)
        {
            await tx.CommitAsync(ct);
            return new IdempotencyClaim(IdempotencyOutcome.Claimed, null);
        }

        await using var existing = tx.Command("""
            select request_type, request_hash, completed, response #>> '{}' from idempotency_keys
             where tenant_id = $1 and user_id = $2 and idempotency_key = $3
            """);
        existing.Parameters.Add(new() { Value = key.TenantId });
        existing.Parameters.Add(new() { Value = key.UserId });
        existing.Parameters.Add(new() { Value = key.Value });
        await using var reader = await existing.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return new IdempotencyClaim(IdempotencyOutcome.InProgress, null);
        if (reader.GetString(0) != requestType || !reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(requestHash))
            return new IdempotencyClaim(IdempotencyOutcome.Mismatch, null);
        if (!reader.GetBoolean(2)) return new IdempotencyClaim(IdempotencyOutcome.InProgress, null);
        return new IdempotencyClaim(IdempotencyOutcome.Completed, reader.IsDBNull(3) ? null : Protector(key).Unprotect(reader.GetString(3)));
    }

    public async Task CompleteAsync(IdempotencyKey key, string responseJson, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(key.TenantId, ct);
        await using var command = tx.Command("""
            update idempotency_keys set completed = true, response = to_jsonb($4::text)
             where tenant_id = $1 and user_id = $2 and idempotency_key = $3
            """);
        AddKey(command, key);
        command.Parameters.Add(new() { Value = Protector(key).Protect(responseJson) });
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The request failed: nothing was done, so a retry may run it again.</summary>
    public async Task ReleaseAsync(IdempotencyKey key, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(key.TenantId, ct);
        await using var command = tx.Command(
            "delete from idempotency_keys where tenant_id = $1 and user_id = $2 and idempotency_key = $3 and not completed");
        AddKey(command, key);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private IDataProtector Protector(IdempotencyKey key) =>
        protection.CreateProtector(Purpose, key.TenantId.ToString("D"), key.UserId.ToString("D"));

    private static void AddKey(Npgsql.NpgsqlCommand command, IdempotencyKey key)
    {
        command.Parameters.Add(new() { Value = key.TenantId });
        command.Parameters.Add(new() { Value = key.UserId });
        command.Parameters.Add(new() { Value = key.Value });
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

public sealed record IdempotencyKey(Guid TenantId, Guid UserId, string Value);

public enum IdempotencyOutcome { Claimed, Completed, InProgress, Mismatch }

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, string? ResponseJson);
