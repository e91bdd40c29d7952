using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>
/// Trades a refresh token for a new pair. Each refresh moves the session to its next generation;
/// a token of an older generation coming back means it was copied, so the session ends for everyone.
/// </summary>
[AllowAnonymous]
public sealed record RefreshSession(string RefreshToken) : IRequest<SessionTokens>
{
    public const int MaxTokenLength = 4096;

    public override string ToString() => "RefreshSession { }";
}

public sealed class RefreshSessionValidator : AbstractValidator<RefreshSession>
{
    public RefreshSessionValidator() =>
        RuleFor(r => r.RefreshToken).NotEmpty().WithMessage("Envía el token de actualización.")
            .MaximumLength(RefreshSession.MaxTokenLength).WithMessage("El token no tiene el formato esperado.");
}

public sealed class RefreshSessionHandler(TenantDatabase database, ISessionTokens tokens, IOptions<AuthSettings> settings, TimeProvider time)
    : IRequestHandler<RefreshSession, SessionTokens>
{
    public async Task<SessionTokens> Handle(RefreshSession request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = tokens.ReadRefreshToken(request.RefreshToken) ?? throw IdentityErrors.SessionEnded();
        var now = time.GetUtcNow();
        await using var tx = await database.BeginAsync(ticket.TenantId, cancellationToken);
        var session = await RotateAsync(tx, ticket, now, now + settings.Value.RefreshTokenLifetime, cancellationToken);
        if (session is null)
        {
            await RevokeIfReusedAsync(tx, ticket, now, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            throw IdentityErrors.SessionEnded();
        }
        await tx.CommitAsync(cancellationToken);
        return tokens.Issue(session);
    }

    // Matches only the current generation of a live session of an active user with an unchanged
    // password; the row lock makes two refreshes with one token rotate once.
    private static async Task<SignedIn?> RotateAsync(
        TenantTransaction tx, RefreshTicket ticket, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        await using var command = tx.Command("""
            update sessions s
               set refresh_generation = s.refresh_generation + 1, refreshed_at = $5, expires_at = $6
              from users u join tenants t on t.tenant_id = u.tenant_id
             where s.tenant_id = $1 and s.session_id = $2 and s.user_id = $3 and s.refresh_generation = $4
               and s.revoked_at is null and s.expires_at > $5
               and u.tenant_id = s.tenant_id and u.user_id = s.user_id and u.status = 'active'
               and u.security_stamp = s.security_stamp
            returning s.refresh_generation, u.role, t.status
            """);
        AddTicket(command, ticket);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = expires });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SignedIn(ticket.TenantId, ticket.UserId, reader.GetString(1), ticket.SessionId, reader.GetInt32(0),
            reader.GetString(2) == TenantStatuses.Active);
    }

    private static async Task RevokeIfReusedAsync(TenantTransaction tx, RefreshTicket ticket, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = tx.Command("""
            update sessions set revoked_at = $5, revoked_reason = 'refresh-token-reused'
             where tenant_id = $1 and session_id = $2 and user_id = $3 and refresh_generation > $4 and revoked_at is null
            """);
        AddTicket(command, ticket);
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddTicket(Npgsql.NpgsqlCommand command, RefreshTicket ticket)
    {
        command.Parameters.Add(new() { Value = ticket.TenantId });
        command.Parameters.Add(new() { Value = ticket.SessionId });
        command.Parameters.Add(new() { Value = ticket.UserId });
        command.Parameters.Add(new() { Value = ticket.Generation });
    }
}
