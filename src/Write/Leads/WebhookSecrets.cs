using System.Security.Cryptography;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>The secret, shown once: the integration signs each delivery with it.</summary>
public sealed record WebhookSecretIssued(string Secret, string Url, DateTimeOffset CreatedAt);

/// <summary>Creates the tenant's webhook secret, or replaces it (the old one stops working at once).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RotateWebhookSecret : IRequest<WebhookSecretIssued>;

/// <summary>
/// The per-tenant HMAC secret of the inbound lead webhook. HMAC needs the secret itself back, so it is
/// stored encrypted with the Data Protection key ring (kept in PostgreSQL), for that tenant alone.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Platform.Leads.WebhookSecret";

    public string Protect(Guid tenantId, string secret) => Protector(tenantId).Protect(secret);

    /// <summary>The tenant's secret, or null when it has none.</summary>
    public async Task<byte[]?> ReadAsync(TenantTransaction tx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("select protected_secret from lead_webhook_secrets where tenant_id = $1", tx.TenantId);
        if (await command.ExecuteScalarAsync(ct) is not string stored) return null;
        return System.Text.Encoding.UTF8.GetBytes(Protector(tx.TenantId).Unprotect(stored));
    }

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private IDataProtector Protector(Guid tenantId) => protection.CreateProtector(Purpose, tenantId.ToString("D"));
}

public sealed class RotateWebhookSecretHandler(CommandContext context, TenantDatabase database, WebhookSecrets secrets, TimeProvider time)
    : IRequestHandler<RotateWebhookSecret, WebhookSecretIssued>
{
    public async Task<WebhookSecretIssued> Handle(RotateWebhookSecret request, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.NewSecret();
        var now = time.GetUtcNow();
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await tx.ExecuteAsync("""
            insert into lead_webhook_secrets (tenant_id, protected_secret, created_at, created_by) values ($1, $2, $3, $4)
            on conflict (tenant_id) do update set protected_secret = excluded.protected_secret, created_at = excluded.created_at, created_by = excluded.created_by
            """, cancellationToken, tx.TenantId, secrets.Protect(tx.TenantId, secret), now, context.UserId);
        var slug = await tx.ScalarAsync<string>("select slug from tenants where tenant_id = $1", cancellationToken, tx.TenantId);
        await tx.CommitAsync(cancellationToken);
        return new WebhookSecretIssued(secret, $"/api/webhooks/leads/{slug}", now);
    }
}
