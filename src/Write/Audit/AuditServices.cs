using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Write.Catalog;
using Platform.Write.Devices;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

public static class AuditServices
{
    /// <summary>The chain sealer (a hosted service unless <see cref="AuditOptions.RunSealer"/> is off) and the entity states auditors replay.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        var options = new AuditOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<EventChainSealer>();
        services.TryAddSingleton<StreamStates>();
        services.TryAddSingleton<StreamReplay>();
        if (options.RunSealer) services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChainSealerService>());
        return services
            .AddStreamState("tenant", TenancyEvents.TenantStream, Tenant.Fold)
            .AddStreamState("user", "user-", User.Fold)
            .AddStreamState("listing", "listing-", Listing.Fold)
            .AddStreamState("device", "device-registry-", Device.Fold)
            .AddStreamState("reference-list", "catalog-reference-", ReferenceLists.Fold)
            .AddStreamState("customer", "customer-", Customers.Customer.Fold)
            .AddStreamState("pipeline", "pipeline-", Pipeline.SalesPipeline.Fold)
            .AddStreamState("lost-reasons", Pipeline.PipelineEvents.LostReasonsStream, Pipeline.LostReasonsView.Fold)
            .AddStreamState("opportunity", "opportunity-", Pipeline.Opportunity.Fold);
    }
}
