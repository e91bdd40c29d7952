using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>Gives a user another role. Only an owner grants or removes owner; the last active owner stays one.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeUserRole(Guid UserId, string Role, long? ExpectedVersion = null) : IRequest<long>;

public sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRole>
{
    public ChangeUserRoleValidator() => RuleFor(c => c.Role).Role();
}

public sealed class ChangeUserRoleHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : UserCommandHandler<ChangeUserRole>(context, database, append, serializer, time)
{
    protected override Guid UserIdOf(ChangeUserRole request) => request.UserId;

    protected override long? ExpectedVersionOf(ChangeUserRole request) => request.ExpectedVersion;

    protected override User.Command Decision(ChangeUserRole request, Actor actor, long activeOwners) =>
        new User.ChangeRole(request.Role, actor, activeOwners);
}
