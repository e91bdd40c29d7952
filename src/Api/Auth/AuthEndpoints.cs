namespace Platform.Api.Auth;

/// <summary>/api/auth: register, sign in, refresh, sign out, password reset, sessions.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
