using Microsoft.Playwright;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// One headless Chromium for the test run: Debian's (<c>apt-get install chromium</c>), driven by Playwright, which
/// cannot download a browser of its own here. Launched on first use; a missing browser fails the test that needs it
/// with the install line (the browser tests are <see cref="RequiresToolFactAttribute"/> tests: skipped on a machine
/// without Chromium, never in CI, where <c>.ci/run</c> installs it).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Tool = "chromium";
    public const string InstallHint = "sudo apt-get install -y chromium";

    private readonly Lock _lock = new();
    private IPlaywright? _playwright;
    private Task<IBrowser>? _launching;

    /// <summary>The browser binary: <c>VAPI_CHROMIUM</c> when set, else <c>chromium</c> (Debian's <c>/usr/bin/chromium</c>).</summary>
    public static string ExecutablePath()
        => Environment.GetEnvironmentVariable("VAPI_CHROMIUM") is { Length: > 0 } path ? path : SystemTool.Require(Tool, InstallHint);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task<IPage> NewPageAsync()
    {
        Task<IBrowser> launching;
        lock (_lock)
        {
            launching = _launching ??= LaunchAsync();
        }

        var browser = await launching;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task<IBrowser> LaunchAsync()
    {
        var executable = ExecutablePath();
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            // --no-sandbox: the tests run as root in CI, and the page is our own on loopback. Audio plays without a
            // user gesture, muted (no sound card needed).
            Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--disable-gpu", "--disable-dev-shm-usage", "--mute-audio"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_launching is { IsCompletedSuccessfully: true } launched)
        {
            await launched.Result.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
