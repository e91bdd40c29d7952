using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// Ends a user's access: every session of theirs is revoked in the same transaction, and their
/// security stamp changes so no token issued before works. Not yourself, not the last owner.
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record DeactivateUser(Guid UserId, string Reason) : IRequest<long>;

public sealed class DeactivateUserValidator : AbstractValidator<DeactivateUser>
{
    public DeactivateUserValidator() => RuleFor(c => c.Reason).Reason();
}

public sealed class DeactivateUserHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : UserCommandHandler<DeactivateUser>(context, database, append, serializer, time)
{
    public const string RevokedReason = "user-deactivated";

    protected override Guid UserIdOf(DeactivateUser request) => request.UserId;

    protected override User.Command Decision(DeactivateUser request, Actor actor, long activeOwners) =>
        new User.Deactivate(request.Reason.Trim(), actor, activeOwners);

    protected override async Task AfterAppendAsync(TenantTransaction tx, UserState state, long version, DateTimeOffset now, CancellationToken ct)
    {
        await TenancyRows.UpdateUserAsync(tx, state, version, now, ct, endSessions: true);
        await tx.ExecuteAsync(
            "update sessions set revoked_at = $3, revoked_reason = $4 where tenant_id = $1 and user_id = $2 and revoked_at is null",
            ct, tx.TenantId, state.UserId, now, RevokedReason);
    }
}
