using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Identity;
using Platform.Read.Paging;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Api.Auth;

/// <summary>/api/auth/sessions: the caller's own sessions, and ending one of them.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder auth)
    {
        auth.MapGet("/sessions", List).Sends<ListSessions>()
            .Produces<Page<SessionSummary>>()
            .WithName("ListSessions").WithSummary("Lists the caller's own live sessions, newest first (keyset pages).");
        auth.MapDelete("/sessions/{id}", Revoke).Sends<RevokeSession>()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeSession").WithSummary("Ends one of the caller's own sessions.");
        return auth;
    }

    private static async Task<Ok<Page<SessionSummary>>> List(int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "Usa el cursor que devolvió la página anterior.")]);
        return TypedResults.Ok(await mediator.Send(new ListSessions(context.Tenant, context.User, context.SessionId, page), ct));
    }

    private static async Task<NoContent> Revoke(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeSession(id), ct);
        return TypedResults.NoContent();
    }
}
