namespace Platform.Api.Auth;

/// <summary>Claims of a signed-in principal. The role claim is the standard <c>ClaimTypes.Role</c>.</summary>
public static class PlatformClaims
{
    public const string TenantId = "tenant_id";
    public const string UserId = "sub";
    public const string SessionId = "sid";

    /// <summary>The refresh generation the token was issued at; an older one presented again is a reuse.</summary>
    public const string RefreshGeneration = "rgen";

    /// <summary>"false" once the tenant is deactivated (set per request from the database, never trusted from the token).</summary>
    public const string TenantActive = "tenant_active";
}
