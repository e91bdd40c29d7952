using MediatR;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>
/// Checks the role the request type declares against the caller's current role. Endpoints check
/// the same declaration first; this one also covers requests sent from outside HTTP.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CommandContext context) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var access = RequestAccess.Of(typeof(TRequest));
        if (access.Anonymous) return next();
        if (context.IsOperator)
        {
            // An operator has no tenant: a tenant request never runs for one.
            if (!access.AllowsOperators) throw new AccessDeniedException();
            return next();
        }
        if (!context.IsSignedIn)
            throw new DomainException("unauthenticated", "Inicia sesión para continuar.", DomainErrorKind.Unauthenticated);
        if (access.OperatorsOnly) throw new NotFoundException("el recurso");
        if (!access.Allows(context.Role)) throw new AccessDeniedException();
        return next();
    }
}
