using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Paging;
using Platform.Read.Tenancy;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tenancy;

/// <summary>/api/users: invite, accept, list, read, change role, deactivate.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");
        users.MapPost("/invite", Invite).Sends<InviteUser>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("InviteUser").WithSummary("Invites a person with a role; answers the one-time invitation token.");
        users.MapPost("/accept", Accept).Sends<AcceptInvitation>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("AcceptInvitation").WithSummary("Accepts an invitation with its token, a display name and a password.");
        users.MapGet("", List).Sends<ListUsers>()
            .WithName("ListUsers").WithSummary("The tenant's users, keyset-paginated: pass nextCursor back as cursor.");
        users.MapGet("/{id}", Get).Sends<GetUser>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetUser").WithSummary("One user of the tenant; ETag = version.");
        users.MapPut("/{id}/role", ChangeRole).Sends<ChangeUserRole>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ChangeUserRole").WithSummary("Gives the user another role; If-Match = the ETag read.");
        users.MapPost("/{id}/deactivate", Deactivate).Sends<DeactivateUser>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("DeactivateUser").WithSummary("Deactivates the user and revokes all of their sessions.");
        return app;
    }

    private static async Task<Created<InvitationIssued>> Invite(InviteBody body, IMediator mediator, CancellationToken ct)
    {
        var issued = await mediator.Send(new InviteUser(body.Email ?? "", body.Role ?? ""), ct);
        return TypedResults.Created($"/api/users/{issued.UserId:D}", issued);
    }

    private static async Task<Ok<AcceptedInvitation>> Accept(AcceptBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AcceptInvitation(body.Token ?? "", body.DisplayName ?? "", body.Password ?? ""), ct));

    private static async Task<Ok<Page<UserSummary>>> List(
        int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        return TypedResults.Ok(await mediator.Send(new ListUsers(context.Tenant, page), ct));
    }

    private static async Task<Ok<UserDetails>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var user = await mediator.Send(new GetUser(context.Tenant, id), ct) ?? throw TenancyErrors.UserNotFound();
        response.SetETag(user.Version);
        return TypedResults.Ok(user);
    }

    private static async Task<NoContent> ChangeRole(
        Guid id, RoleBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        var version = await mediator.Send(new ChangeUserRole(id, body.Role ?? "", expected.IsAny ? null : expected.Value), ct);
        return TenantEndpoints.Changed(response, version);
    }

    private static async Task<NoContent> Deactivate(Guid id, ReasonBody body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        TenantEndpoints.Changed(response, await mediator.Send(new DeactivateUser(id, body.Reason ?? ""), ct));
}
