namespace Platform.Api.Tenancy;

/// <summary>/api/tenant (settings, plan, deactivation) and /api/users (invite, accept, list, role, deactivate).</summary>
internal static class TenancyEndpoints
{
    public static IEndpointRouteBuilder MapTenancyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTenantEndpoints();
        app.MapUserEndpoints();
        return app;
    }
}
