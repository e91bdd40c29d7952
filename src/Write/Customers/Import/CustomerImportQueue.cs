using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Write.Privacy;

namespace Platform.Write.Customers.Import;

/// <summary>Accepted imports of this process, run one at a time in the background (the file is on this host's disk).</summary>
public sealed class CustomerImportQueue
{
    private readonly Channel<ImportJob> jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportJob job) => jobs.Writer.TryWrite(job);

    internal ChannelReader<ImportJob> Reader => jobs.Reader;

    /// <summary>Where uploads wait for their run.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "platform-customer-imports");
}

// The runner is resolved at the first job, not in the constructor: hosted services are built before
// any starts, and the application's database exists only once the migration service has started.
public sealed class CustomerImportWorker(CustomerImportQueue queue, IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
                await services.GetRequiredService<CustomerImportRunner>().RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a job cut short stays "running" (see the import's status).
        }
    }
}

public static class CustomerImportServices
{
    public static IServiceCollection AddCustomerImports(this IServiceCollection services)
    {
        services.AddSingleton<CustomerImportQueue>();
        services.AddSingleton<CustomerImportRunner>();
        services.AddHostedService<CustomerImportWorker>();
        services.AddPersonalDataScrubber<CustomerDataScrubber>();
        return services;
    }
}
