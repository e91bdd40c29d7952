using Platform.Projections.Daemon;
using Platform.Projections.Leads;
using Platform.Write.Leads;
using Platform.Write.Privacy;

namespace Platform.Api.Leads;

/// <summary>Leads in the host: the intake every source shares, the webhook's secrets, the quote reactor and the endpoints.</summary>
internal static class LeadServices
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddSingleton<LeadIntake>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<TenantDirectory>();
        services.AddProjection<QuoteLeadReactor>();
        services.AddPersonalDataScrubber<LeadDataScrubber>();
        return services;
    }

    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder app)
    {
        app.MapLeadSettingsEndpoints();
        app.MapLeadEndpoints();
        app.MapLeadWebhookEndpoints();
        app.MapReferralEndpoints();
        return app;
    }
}
