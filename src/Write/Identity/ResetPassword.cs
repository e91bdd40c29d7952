using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>
/// Sets a new password with a reset token: once, within its lifetime. Every session of the user
/// ends, and the new security stamp stops any token issued before.
/// </summary>
[AllowAnonymous]
public sealed record ResetPassword(string Token, string NewPassword) : IRequest<Unit>
{
    public override string ToString() => "ResetPassword { }";
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(r => r.Token).NotEmpty().WithMessage("Envía el token del enlace.")
            .MaximumLength(200).WithMessage("El token no tiene el formato esperado.");
        RuleFor(r => r.NewPassword).NewPassword();
    }
}

public sealed class ResetPasswordHandler(
    TenantDatabase database, TransactionalAppend append, CommandContext context, LoginThrottle throttle, TimeProvider time)
    : IRequestHandler<ResetPassword, Unit>
{
    public async Task<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResetTokens.TryRead(request.Token, out var tenantId, out var resetId, out var presented)) throw IdentityErrors.InvalidResetToken();
        var now = time.GetUtcNow();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var reset = await FindAsync(tx, resetId, cancellationToken);
        if (reset is null || reset.Used || reset.ExpiresAt <= now || !ResetTokens.Matches(reset.SecretHash, presented))
            throw IdentityErrors.InvalidResetToken();

        var passwordHash = Passwords.Hash(request.NewPassword);
        context.ActFor(tenantId, reset.UserId);
        var appended = await append.AppendAsync(tx, TenancyEvents.UserStream(reset.UserId), ExpectedVersion.Any,
            [context.Event(new UserPasswordReset(reset.UserId))], cancellationToken);
        await using var command = tx.Command("""
            with used as (
                -- This token and any other the user still holds: one reset spends them all.
                update password_resets set used_at = $3
                 where tenant_id = $1 and user_id = $2 and used_at is null
                returning reset_id),
            ended as (
                update sessions set revoked_at = $3, revoked_reason = 'password-reset'
                 where tenant_id = $1 and user_id = $2 and revoked_at is null)
            update users set password_hash = $5, security_stamp = $6, version = $7, updated_at = $3
             where tenant_id = $1 and user_id = $2
               and exists (select from used where reset_id = $4)
            returning email
            """);
        foreach (var value in new object[] { tenantId, reset.UserId, now, resetId, passwordHash, Guid.NewGuid(), appended.StreamVersion })
            command.Parameters.Add(new() { Value = value });
        // No row: another request used the token first; rolling back takes the event back too.
        var email = await command.ExecuteScalarAsync(cancellationToken) as string ?? throw IdentityErrors.InvalidResetToken();
        await tx.CommitAsync(cancellationToken);
        await throttle.SucceededAsync(email, cancellationToken);
        return Unit.Value;
    }

    private static async Task<ResetRow?> FindAsync(TenantTransaction tx, Guid resetId, CancellationToken ct)
    {
        await using var command = tx.Command("""
            select r.user_id, r.token_hash, r.expires_at, r.used_at is not null
              from password_resets r join users u on u.tenant_id = r.tenant_id and u.user_id = r.user_id
             where r.tenant_id = current_tenant_id() and r.reset_id = $1 and u.status = 'active'
            """);
        command.Parameters.Add(new() { Value = resetId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ResetRow(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetBoolean(3));
    }

    private sealed record ResetRow(Guid UserId, byte[] SecretHash, DateTimeOffset ExpiresAt, bool Used);
}
