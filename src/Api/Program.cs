using Platform.Api;

var app = PlatformApp.Build(args);
await app.RunAsync();
