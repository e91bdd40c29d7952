using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Platform.Api.Auth;

/// <summary>Bearer tokens (access + refresh) and role-based authorization.</summary>
internal static class AuthServices
{
    public static IServiceCollection AddPlatformAuth(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        services.AddAuthorization();
        return services;
    }
}
