using System.Text.Json;

namespace Platform.Write.Tenancy;

/// <summary>The invitations rows and the outbox message that carries the token to the person invited.</summary>
internal static class Invitations
{
    public const string OutboxKind = "invitation";

    public sealed record Row(Guid UserId, byte[] TokenHash, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    /// <returns>When the token stops working.</returns>
    public static async Task<DateTimeOffset> InsertAsync(
        TenantTransaction tx, InvitationToken token, UserState user, string tenantName, DateTimeOffset now, CancellationToken ct)
    {
        var expiresAt = now + InvitationToken.Lifetime;
        await tx.ExecuteAsync("""
            insert into invitations (tenant_id, invitation_id, user_id, token_hash, expires_at)
            values ($1, $2, $3, $4, $5)
            """, ct, tx.TenantId, token.InvitationId, user.UserId, token.Hash(), expiresAt);
        // The mail integration needs the token itself to send the link; only its hash is kept elsewhere.
        var payload = JsonSerializer.Serialize(new
        {
            invitationId = token.InvitationId,
            userId = user.UserId,
            tenantName,
            role = user.Role,
            token = token.Encode(),
            expiresAt,
        });
        await tx.ExecuteAsync("""
            insert into outbox (tenant_id, message_id, kind, recipient, payload, created_at)
            values ($1, $2, $3, $4, $5::jsonb, $6)
            """, ct, tx.TenantId, Guid.CreateVersion7(), OutboxKind, user.Email, payload, now);
        return expiresAt;
    }

    public static async Task<Row?> FindAsync(TenantTransaction tx, Guid invitationId, CancellationToken ct)
    {
        await using var command = tx.Command(
            "select user_id, token_hash, expires_at, accepted_at from invitations where tenant_id = $1 and invitation_id = $2",
            tx.TenantId, invitationId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Row(
            reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>False when another accept got there first: the token is spent.</summary>
    public static async Task<bool> MarkAcceptedAsync(TenantTransaction tx, Guid invitationId, DateTimeOffset now, CancellationToken ct) =>
        await tx.ExecuteAsync(
            "update invitations set accepted_at = $3 where tenant_id = $1 and invitation_id = $2 and accepted_at is null",
            ct, tx.TenantId, invitationId, now) == 1;
}
