namespace Platform.Api.Panel;

/// <summary>
/// /panel: the staff pages, signed in by cookie. Anonymous for the router: each page checks who may see it and
/// answers a page (the sign-in form, a 403 page) rather than the API's 401/403 in JSON. Not in the OpenAPI document.
/// </summary>
internal static class PanelEndpoints
{
    public static IServiceCollection AddStaffPanel(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "panel_formulario";
            options.Cookie.Path = PanelCookies.Root;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    public static IEndpointRouteBuilder MapStaffPanel(this IEndpointRouteBuilder app)
    {
        var panel = app.MapGroup(PanelCookies.Root).AllowAnonymous().ExcludeFromDescription();
        panel.MapGet("", () => new PanelRedirect(PanelAddresses.Analytics)).WithName("PanelHome");
        panel.MapPanelSignIn();
        panel.MapAnalyticsPage();
        return app;
    }
}
