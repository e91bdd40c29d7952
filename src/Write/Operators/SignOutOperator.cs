using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Write.Operators;

/// <summary>Ends the calling operator's session: its access and refresh tokens stop working at once.</summary>
[Authorize(Roles = Roles.PlatformAdmin)]
public sealed record SignOutOperator : IRequest<Unit>;

public sealed class SignOutOperatorHandler(NpgsqlDataSource system, CommandContext context, TimeProvider time) : IRequestHandler<SignOutOperator, Unit>
{
    public async Task<Unit> Handle(SignOutOperator request, CancellationToken cancellationToken)
    {
        if (!context.IsOperator || context.SessionId is not { } session) return Unit.Value;
        await OperatorSessions.RevokeAsync(system, context.User, session, "logout", time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}
