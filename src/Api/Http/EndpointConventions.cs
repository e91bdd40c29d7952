using Microsoft.AspNetCore.Authorization;
using Platform.Api.Pipeline;

namespace Platform.Api.Http;

/// <summary>The request type an endpoint sends through the mediator; the OpenAPI document lists its roles.</summary>
public sealed record RequestTypeMetadata(Type RequestType, RequestAccess Access);

public static class EndpointConventions
{
    /// <summary>
    /// Declares that the endpoint sends <typeparamref name="TRequest"/>: the endpoint requires the
    /// roles the request declares (one declaration, checked here and again in the pipeline) and
    /// documents the problem responses every such endpoint can give.
    /// </summary>
    public static RouteHandlerBuilder Sends<TRequest>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var access = RequestAccess.Of(typeof(TRequest));
        builder.WithMetadata(new RequestTypeMetadata(typeof(TRequest), access));
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (access.Anonymous) return builder.AllowAnonymous();
        builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        // Operators-only requests admit any signed-in caller here: the pipeline answers 404 to a
        // tenant's user, as if the route did not exist. [Authorize] alone means any tenant role.
        if (access.OperatorsOnly) return builder.RequireAuthorization();
        var roles = access.Roles.Count == 0 ? Write.Tenancy.Roles.All : access.Roles;
        return builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles) });
    }
}
