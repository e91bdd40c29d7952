using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>
/// Asks for a reset link. The answer is the same whether or not the address has an account; for an
/// active account, a one-time token goes to the outbox, where the mail integration will pick it up.
/// </summary>
[AllowAnonymous]
public sealed record ForgotPassword(string Email) : IRequest<Unit>;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(r => r.Email).AccountEmail();
}

public sealed class ForgotPasswordHandler(TenantDatabase database, IOptions<AuthSettings> settings, TimeProvider time)
    : IRequestHandler<ForgotPassword, Unit>
{
    public const string OutboxKind = "password-reset";

    /// <summary>Unused, unexpired links per account: more requests answer the same but send nothing, so nobody can flood an inbox.</summary>
    public const int MaxOutstandingResets = 3;

    public async Task<Unit> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = EmailAddresses.Normalize(request.Email);
        var login = await LoginAccount.FindAsync(database, email, cancellationToken);
        if (login is not { UserActive: true }) return Unit.Value;

        var resetId = Guid.CreateVersion7();
        var (token, secretHash) = ResetTokens.Create(login.TenantId, resetId);
        var now = time.GetUtcNow();
        var expires = now + settings.Value.PasswordResetLifetime;
        await using var tx = await database.BeginAsync(login.TenantId, cancellationToken);
        await using var command = tx.Command("""
            with reset as (
                insert into password_resets (tenant_id, reset_id, user_id, token_hash, expires_at)
                select $1, $2, $3, $4, $5
                 where (select count(*) from password_resets
                         where tenant_id = $1 and user_id = $3 and used_at is null and expires_at > $9) < $10
                returning user_id)
            insert into outbox (tenant_id, message_id, kind, recipient, payload, created_at)
            select $1, $6, $7, u.email, $8::jsonb || jsonb_build_object('displayName', u.display_name), $9
              from users u join reset r on r.user_id = u.user_id where u.tenant_id = $1
            """);
        var payload = JsonSerializer.Serialize(new { token, expiresAt = expires }, JsonSerializerOptions.Web);
        foreach (var value in new object[] { login.TenantId, resetId, login.UserId, secretHash, expires, Guid.CreateVersion7(), OutboxKind, payload, now, MaxOutstandingResets })
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
