using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// The invited person sets their name and password with the one-time token and becomes an active
/// user. Anonymous: the token names the tenant. Every bad token gets the same answer.
/// </summary>
[AllowAnonymous]
public sealed record AcceptInvitation(string Token, string DisplayName, string Password) : IRequest<AcceptedInvitation>
{
    // A logged request must not carry the token, the name or the password.
    public override string ToString() => "AcceptInvitation { }";
}

/// <summary>The user the invitation became, and the address they sign in with.</summary>
public sealed record AcceptedInvitation(Guid UserId, string Email);

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Es obligatorio.").MaximumLength(200).WithMessage("No es una invitación válida.");
        RuleFor(c => c.DisplayName).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Es obligatorio.")
            .MaximumLength(TenancyRules.MaxDisplayNameLength).WithMessage($"Debe tener como máximo {TenancyRules.MaxDisplayNameLength} caracteres.");
        RuleFor(c => c.Password).Length(Passwords.MinLength, Passwords.MaxLength)
            .WithMessage($"Debe tener entre {Passwords.MinLength} y {Passwords.MaxLength} caracteres.");
    }
}

public sealed class AcceptInvitationHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<AcceptInvitation, AcceptedInvitation>
{
    public async Task<AcceptedInvitation> Handle(AcceptInvitation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!InvitationToken.TryDecode(request.Token, out var token)) throw TenancyErrors.InvalidInvitation();
        context.ActFor(token.TenantId);
        var now = time.GetUtcNow();
        await using var tx = await database.BeginAsync(token.TenantId, cancellationToken);
        var invitation = await Invitations.FindAsync(tx, token.InvitationId, cancellationToken);
        var matches = token.Matches(invitation?.TokenHash ?? new byte[32]);
        if (invitation is null || !matches || invitation.AcceptedAt is not null || invitation.ExpiresAt <= now)
            throw TenancyErrors.InvalidInvitation();
        if ((await Membership.TenantAsync(tx, cancellationToken)).Status != TenantStatuses.Active) throw TenancyErrors.TenantDeactivated();

        context.ActFor(token.TenantId, invitation.UserId);
        var stream = TenancyEvents.UserStream(invitation.UserId);
        var (state, version) = await tx.LoadUserAsync(serializer, invitation.UserId, cancellationToken);
        var events = User.Decide(state, new User.AcceptInvitation(request.DisplayName.Trim()));
        var passwordHash = Passwords.Hash(request.Password);

        AppendResult result;
        try
        {
            result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), events.Select(context.Event).ToList(), cancellationToken);
        }
        catch (WrongExpectedVersionException)
        {
            // Another accept with the same token, or a change to the user, got there first.
            throw TenancyErrors.InvalidInvitation();
        }
        if (!await Invitations.MarkAcceptedAsync(tx, token.InvitationId, now, cancellationToken)) throw TenancyErrors.InvalidInvitation();
        var user = events.Aggregate(state, User.Evolve)!;
        await TenancyRows.UpdateUserAsync(tx, user, result.StreamVersion, now, cancellationToken, passwordHash);
        await tx.CommitAsync(cancellationToken);
        return new AcceptedInvitation(user.UserId, user.Email);
    }
}
