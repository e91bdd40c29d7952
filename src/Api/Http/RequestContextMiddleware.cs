using System.Security.Claims;
using Platform.Api.Auth;
using Platform.Write.Tenancy;

namespace Platform.Api.Http;

/// <summary>
/// Fills the request's <see cref="CommandContext"/> from the authenticated principal and the
/// headers: the tenant and user come only from the principal, never from a body or a route.
/// </summary>
internal sealed class RequestContextMiddleware(RequestDelegate next)
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 200;

    public Task InvokeAsync(HttpContext http, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(http.Request.Headers[CorrelationHeader], out var correlation)) context.CorrelationId = correlation;
        http.Response.Headers[CorrelationHeader] = context.CorrelationId.ToString("D");

        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.TryGetValue(IdempotencyHeader, out var key))
        {
            var value = key.ToString();
            if (value.Length is 0 or > MaxIdempotencyKeyLength)
                throw new FluentValidation.ValidationException(
                    [new FluentValidation.Results.ValidationFailure(IdempotencyHeader, $"Debe tener entre 1 y {MaxIdempotencyKeyLength} caracteres.")]);
            context.IdempotencyKey = value;
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(PlatformClaims.TenantId), out var tenant)
            && Guid.TryParse(user.FindFirstValue(PlatformClaims.UserId), out var userId))
        {
            var session = Guid.TryParse(user.FindFirstValue(PlatformClaims.SessionId), out var sid) ? sid : (Guid?)null;
            context.SignIn(tenant, userId, user.FindFirstValue(ClaimTypes.Role) ?? "", session,
                tenantActive: user.FindFirstValue(PlatformClaims.TenantActive) != "false");
        }
        else if (user.Identity?.IsAuthenticated == true && OperatorSessionCheck.Operator(user) is { } signedIn)
        {
            context.SignInOperator(signedIn.OperatorId, signedIn.SessionId);
        }
        return next(http);
    }
}
