using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>Sign-in with address and password. A deactivated tenant's user may sign in; the pipeline then limits what it can send.</summary>
[AllowAnonymous]
public sealed record LogIn(string Email, string Password, ClientInfo Client) : IRequest<LoginOutcome>
{
    public override string ToString() => "LogIn { }";
}

/// <summary>Tokens, or how long to wait before trying again (a throttled attempt is not checked at all).</summary>
public sealed record LoginOutcome(SessionTokens? Tokens, TimeSpan? RetryAfter)
{
    public static LoginOutcome Throttled(TimeSpan wait) => new(null, wait);
}

public sealed class LogInValidator : AbstractValidator<LogIn>
{
    public LogInValidator()
    {
        RuleFor(r => r.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Escribe tu correo.")
            .MaximumLength(EmailAddresses.MaxLength).WithMessage($"Usa como máximo {EmailAddresses.MaxLength} caracteres.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Escribe tu contraseña.")
            .MaximumLength(Passwords.MaxLength).WithMessage($"Usa como máximo {Passwords.MaxLength} caracteres.");
    }
}

public sealed class LogInHandler(
    TenantDatabase database, LoginThrottle throttle, ISessionTokens tokens, IOptions<AuthSettings> settings, TimeProvider time)
    : IRequestHandler<LogIn, LoginOutcome>
{
    public async Task<LoginOutcome> Handle(LogIn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = EmailAddresses.Normalize(request.Email);
        if (await throttle.AdmitAsync(email, request.Client.Address, cancellationToken) is { } wait) return LoginOutcome.Throttled(wait);

        // Verify hashes a decoy when there is no account, so every failure takes as long as a wrong password.
        var login = await LoginAccount.FindAsync(database, email, cancellationToken);
        var verified = Passwords.Verify(login?.PasswordHash, request.Password);
        SignedIn? session = null;
        if (verified && login is { UserActive: true })
        {
            await using var tx = await database.BeginAsync(login.TenantId, cancellationToken);
            session = await SessionRows.StartAsync(
                tx, login.UserId, request.Client, time.GetUtcNow(), settings.Value.RefreshTokenLifetime, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        if (session is null)
        {
            throttle.Failed(request.Client.Address);
            throw IdentityErrors.InvalidCredentials();
        }
        await throttle.SucceededAsync(email, cancellationToken);
        return new LoginOutcome(tokens.Issue(session), null);
    }
}
