using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Projections.CrashHost;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;
using Platform.Write.Storage;

// Usage: Platform.Projections.CrashHost <connection string> [batch size] [delay per batch ms]
var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("connection string required");
var batchSize = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
var delay = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);

var builder = Host.CreateApplicationBuilder();
builder.Services.AddSingleton(PlatformDataSource.Create(connectionString));
builder.Services.AddEventStore(o => o.PollInterval = TimeSpan.FromMilliseconds(200));
builder.Services.AddProjections(o =>
{
    o.BatchSize = batchSize;
    o.PollInterval = TimeSpan.FromMilliseconds(200);
    o.StandbyRetry = TimeSpan.FromMilliseconds(200);
});
builder.Services.AddSingleton(new CrashTotalsProjection(delay));
builder.Services.AddProjection<CrashTotalsProjection>();
await builder.Build().RunAsync();
