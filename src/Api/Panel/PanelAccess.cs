using MediatR;
using Microsoft.Extensions.Options;
using Platform.Write.Domain;
using Platform.Write.Identity;

namespace Platform.Api.Panel;

/// <summary>
/// Who may see a staff page. Nobody signed in: to the sign-in page (a page, not a 401 in JSON); an access
/// token that ran out on a GET is renewed once from the refresh cookie and the page asked again; a role
/// that may not read analytics: the 403 page. The query's own roles are checked again by the pipeline.
/// </summary>
internal sealed class PanelAccess : IEndpointFilter
{
    public static readonly string[] Roles = ["owner", "admin", "analyst"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true) return await RenewOrSignInAsync(http);
        if (!Roles.Any(http.User.IsInRole)) return PanelMessages.Forbidden(PanelAntiforgery.Token(http));
        return await next(context);
    }

    private static async Task<IResult> RenewOrSignInAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) && PanelCookies.RefreshToken(http.Request) is { Length: <= RefreshSession.MaxTokenLength } refresh)
        {
            try
            {
                var tokens = await http.RequestServices.GetRequiredService<IMediator>().Send(new RefreshSession(refresh), http.RequestAborted);
                PanelCookies.Write(http, tokens, http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.RefreshTokenLifetime);
                return new PanelRedirect(http.Request.Path + http.Request.QueryString);
            }
            catch (DomainException)
            {
                // A refresh token that no longer holds (revoked, reused, expired) only means: sign in again.
            }
        }
        PanelCookies.Delete(http);
        return new PanelRedirect(PanelAddresses.SignIn);
    }
}
