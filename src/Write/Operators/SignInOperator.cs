using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Write.Operators;

/// <summary>An operator's sign-in: the tenant sign-in's rules (throttle, constant-time failure), an operator's session and tokens.</summary>
[AllowAnonymous]
public sealed record SignInOperator(string Email, string Password, ClientInfo Client) : IRequest<LoginOutcome>
{
    public override string ToString() => "SignInOperator { }";
}

public sealed class SignInOperatorValidator : AbstractValidator<SignInOperator>
{
    public SignInOperatorValidator()
    {
        RuleFor(r => r.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Escribe tu correo.")
            .MaximumLength(EmailAddresses.MaxLength).WithMessage($"Usa como máximo {EmailAddresses.MaxLength} caracteres.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Escribe tu contraseña.")
            .MaximumLength(Passwords.MaxLength).WithMessage($"Usa como máximo {Passwords.MaxLength} caracteres.");
    }
}

public sealed class SignInOperatorHandler(
    NpgsqlDataSource system, OperatorAccounts accounts, LoginThrottle throttle, IOperatorTokens tokens,
    IOptions<AuthSettings> settings, TimeProvider time)
    : IRequestHandler<SignInOperator, LoginOutcome>
{
    public async Task<LoginOutcome> Handle(SignInOperator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = EmailAddresses.Normalize(request.Email);
        if (await throttle.AdmitAsync(email, request.Client.Address, cancellationToken) is { } wait) return LoginOutcome.Throttled(wait);

        // Verify hashes a decoy when there is no operator, so every failure takes as long as a wrong password.
        var account = await accounts.FindAsync(email, cancellationToken);
        var verified = Passwords.Verify(account?.PasswordHash, request.Password);
        OperatorSignedIn? session = null;
        if (verified && account is { Active: true } found)
            session = await OperatorSessions.StartAsync(
                system, found.OperatorId, request.Client, time.GetUtcNow(), settings.Value.RefreshTokenLifetime, cancellationToken);
        if (session is null)
        {
            throttle.Failed(request.Client.Address);
            throw IdentityErrors.InvalidCredentials();
        }
        await throttle.SucceededAsync(email, cancellationToken);
        return new LoginOutcome(tokens.Issue(session), null);
    }
}
