using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Write.Identity;

namespace Platform.Write.Operators;

/// <summary>Trades an operator's refresh token for a new pair; a reused one ends the session, as for tenant sessions.</summary>
[AllowAnonymous]
public sealed record RefreshOperatorSession(string RefreshToken) : IRequest<SessionTokens>
{
    public override string ToString() => "RefreshOperatorSession { }";
}

public sealed class RefreshOperatorSessionValidator : AbstractValidator<RefreshOperatorSession>
{
    public RefreshOperatorSessionValidator() =>
        RuleFor(r => r.RefreshToken).NotEmpty().WithMessage("Envía el token de actualización.")
            .MaximumLength(RefreshSession.MaxTokenLength).WithMessage("El token no tiene el formato esperado.");
}

public sealed class RefreshOperatorSessionHandler(
    NpgsqlDataSource system, IOperatorTokens tokens, IOptions<AuthSettings> settings, TimeProvider time)
    : IRequestHandler<RefreshOperatorSession, SessionTokens>
{
    public async Task<SessionTokens> Handle(RefreshOperatorSession request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = tokens.ReadRefreshToken(request.RefreshToken) ?? throw IdentityErrors.SessionEnded();
        var now = time.GetUtcNow();
        var session = await OperatorSessions.RotateAsync(system, ticket, now, now + settings.Value.RefreshTokenLifetime, cancellationToken);
        if (session is not null) return tokens.Issue(session);
        await OperatorSessions.RevokeAsync(
            system, ticket.OperatorId, ticket.SessionId, "refresh-token-reused", now, cancellationToken, olderThanGeneration: ticket.Generation);
        throw IdentityErrors.SessionEnded();
    }
}
