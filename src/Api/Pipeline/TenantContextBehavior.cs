using MediatR;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>
/// A tenant request runs for the signed-in tenant only, and not once the tenant is deactivated.
/// The tenant comes from the principal; nothing in the request can name another.
/// </summary>
public sealed class TenantContextBehavior<TRequest, TResponse>(CommandContext context) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var access = RequestAccess.Of(typeof(TRequest));
        // An operator's request (AuthorizationBehavior let it through) runs with no tenant at all.
        if (!access.Anonymous && !(context.IsOperator && access.AllowsOperators))
        {
            if (context.TenantId is null) throw new InvalidOperationException($"{typeof(TRequest).Name} reached the tenant check without a tenant.");
            if (!context.TenantActive && !access.AllowsInactiveTenant)
                throw new DomainException("tenant-deactivated", "La cuenta de esta empresa está desactivada.", DomainErrorKind.Forbidden);
        }
        return next();
    }
}
