using Platform.Api;
using Platform.Api.Cli;

// The same binary is the command-line tool: `platform verify --tenant demo` (see Cli/PlatformCli.cs).
if (PlatformCli.Handles(args)) return await PlatformCli.RunAsync(args);

var app = PlatformApp.Build(args);
await app.RunAsync();
return 0;
