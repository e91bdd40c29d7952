using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Ingest;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Platform.Write.Storage;

// Usage: Platform.Ingest.CrashHost --ConnectionStrings:Platform=... --Platform:Mqtt:Port=... --Platform:Mqtt:Password=...
//        [--Platform:Ingest:ClientId=...] (every Platform:Ingest and Platform:Mqtt setting the Api host reads)
var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Platform") ?? throw new ArgumentException("--ConnectionStrings:Platform is required");
builder.Configuration.AddInMemoryCollection([new("Platform:Ingest:Enabled", "true")]);
builder.Services.AddSingleton(PlatformDataSource.Create(connectionString));
builder.Services.AddSingleton(new EventTypeRegistry().RegisterDevices());
builder.Services.AddEventStore();
builder.Services.AddIngest(builder.Configuration);
await builder.Build().RunAsync();
