using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// Invites a person by address with a role. The invited user holds a seat of the plan from now on;
/// the answer carries the one-time token (also queued in the outbox for the mail integration).
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record InviteUser(string Email, string Role) : IRequest<InvitationIssued>
{
    // A logged request must not carry the invited person's address.
    public override string ToString() => $"InviteUser {{ Role = {Role} }}";
}

public sealed record InvitationIssued(Guid UserId, string Token, DateTimeOffset ExpiresAt);

public sealed class InviteUserValidator : AbstractValidator<InviteUser>
{
    public InviteUserValidator()
    {
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Role).Role();
    }
}

public sealed class InviteUserHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, TimeProvider time)
    : IRequestHandler<InviteUser, InvitationIssued>
{
    public async Task<InvitationIssued> Handle(InviteUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await Membership.LockAsync(tx, cancellationToken);
        var tenant = await Membership.TenantAsync(tx, cancellationToken);
        if (tenant.Status != TenantStatuses.Active) throw TenancyErrors.TenantDeactivated();
        var actor = await Membership.ActorAsync(tx, context.User, cancellationToken);
        var seats = await Membership.SeatsTakenAsync(tx, cancellationToken);

        var userId = Guid.CreateVersion7();
        var email = TenancyRules.NormalizeEmail(request.Email);
        var events = User.Decide(null, new User.Invite(userId, email, request.Role, actor, Plans.Named(tenant.Plan), seats));
        var result = await append.AppendAsync(
            tx, TenancyEvents.UserStream(userId), ExpectedVersion.NoStream, events.Select(context.Event).ToList(), cancellationToken);

        var user = User.Fold(events)!;
        var now = time.GetUtcNow();
        try
        {
            await TenancyRows.InsertInvitedUserAsync(tx, user, result.StreamVersion, now, cancellationToken);
        }
        catch (PostgresException error) when (error is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "users_email_uq" })
        {
            // Addresses are unique across tenants, which row-level security hides: the index is the check.
            throw TenancyErrors.EmailUnavailable();
        }
        var token = InvitationToken.Issue(context.Tenant);
        var expiresAt = await Invitations.InsertAsync(tx, token, user, tenant.Name, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new InvitationIssued(userId, token.Encode(), expiresAt);
    }
}
