using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Api.Tests.Browser;
using Platform.Testing;

namespace Platform.Api.Tests.Panel;

/// <summary>The real clock, moved forward by a test: a lead is answered minutes after it came in.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>Debian's chromium, headless, against one host on a fresh database whose clock the tests move, for the staff pages.</summary>
public sealed class PanelBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private ApiHost? host;

    public DatabaseFixture Database { get; } = new();

    public ShiftedClock Clock { get; } = new();

    public HttpClient Client => (host ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.")).Client;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.Chromium))
            throw new InvalidOperationException($"{BrowserFixture.Chromium} is missing: install Debian's chromium (apt-get install -y chromium); ./test.sh does.");
        await Database.InitializeAsync();
        host = await ApiHost.StartAsync(services => services.AddSingleton<TimeProvider>(Clock), $"--ConnectionStrings:Platform={Database.ConnectionString}");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFixture.Chromium, Headless = true });
    }

    /// <summary>A fresh browser context (no cookies) and page at the host's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Client.BaseAddress!.ToString(),
            Locale = "es-CO",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (host is not null) await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
