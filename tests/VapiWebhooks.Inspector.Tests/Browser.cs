using Microsoft.Playwright;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// One headless Chromium for the test run: Debian's (<c>apt-get install chromium</c>), driven by Playwright, which
/// cannot download a browser of its own here. A missing browser fails every browser test with the install line, on a
/// developer's machine and in CI alike: these tests are never skipped.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where Debian installs it; <c>VAPI_CHROMIUM</c> overrides.</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("VAPI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The inspector's browser tests need Chromium at {ExecutablePath}: install it with 'sudo apt-get install chromium' (or point VAPI_CHROMIUM at a Chromium binary). .ci/run installs it.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            // --no-sandbox: the tests run as root in CI; the page is our own, on loopback. Audio plays without a gesture
            // and without a sound card (a fake output device).
            Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--disable-gpu", "--disable-dev-shm-usage", "--mute-audio"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
