using Microsoft.Playwright;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Browser;

namespace Platform.Api.Tests.Panel;

/// <summary>Debian's chromium, headless, against one host on a fresh database (the sign-in and API fixture), for the staff pages.</summary>
public sealed class PanelBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public AuthApiFixture Api { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.Chromium))
            throw new InvalidOperationException($"{BrowserFixture.Chromium} is missing: install Debian's chromium (apt-get install -y chromium); ./test.sh does.");
        await Api.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFixture.Chromium, Headless = true });
    }

    /// <summary>A fresh browser context (no cookies) and page at the host's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.Client.BaseAddress!.ToString(),
            Locale = "es-CO",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
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
