using Microsoft.Playwright;
using Platform.Api.Tests.Buyers;

namespace Platform.Api.Tests.Browser;

/// <summary>
/// Debian's chromium, driven by Playwright's driver from its NuGet package (no browser is ever
/// downloaded), headless, against a real host on a fresh database.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public BuyerApiFixture Api { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium); ./test.sh does.");
        await Api.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies and cache) and page at the host's address, sized like a phone when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.Client.BaseAddress!.ToString(),
            Locale = "es-CO",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await Api.DisposeAsync();
    }
}
