using Microsoft.Playwright;
using VapiWebhooks.Simulator;
using static Microsoft.Playwright.Assertions;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// What the README shows: the simulator plays a whole call against a host with the inspector open, and the page
/// shows it unfold. The screenshot goes to <c>VAPI_INSPECTOR_SCREENSHOT</c> when set (the README's
/// <c>docs/inspector.png</c> is made that way), else to the temporary folder.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InspectorScreenshotTests(Browser browser)
{
    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_simulated_call_unfolds_on_the_page()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.InspectorUrl);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await SimulatorApp.RunAsync(["call", "--url", host.WebhookUrl, "--bearer", VapiTestHost.Token, "--sample-rate", "16000", "--date", "2026-03-02"], stdout, stderr, timeout.Token);
        exit.Should().Be(0, "the simulated call passes every check: {0}\n{1}", stdout, stderr);

        // The whole call, live: its start, tool calls, the custom voice, its end.
        var call = page.Locator("#call-list li.call-item:not([data-call='*'])");
        await Expect(call).ToHaveCountAsync(1);
        await call.ClickAsync();
        await Expect(page.Locator("#conversation .bubble.tool").First).ToBeVisibleAsync();
        await Expect(page.Locator("#conversation .bubble.voice").First).ToBeVisibleAsync();
        await Expect(page.Locator("#conversation .bubble.event", new() { HasText = "call ended" })).ToHaveCountAsync(1);
        foreach (var type in new[] { "assistant-request", "status-update", "tool-calls", "voice-request", "end-of-call-report" })
        {
            await Expect(page.Locator($"#exchange-rows tr[data-type='{type}']").First).ToBeVisibleAsync();
        }

        await page.Locator("#exchange-rows tr[data-type='voice-request']").First.ClickAsync();
        await Expect(page.Locator("#waveform[data-drawn=true]")).ToHaveCountAsync(1);

        // Every column of the live list is in view beside the open exchange, the outcome (the last) whole.
        await Expect(page.Locator("#exchanges thead th").Last).ToHaveTextAsync("Outcome");
        await Expect(page.Locator("#exchanges thead th").Last).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("#exchange-rows tr td.outcome").First).ToBeInViewportAsync(new() { Ratio = 1 });
        var overflow = await page.EvaluateAsync<int>("() => { const pane = document.getElementById('list-pane'); return pane.scrollWidth - pane.clientWidth; }");
        overflow.Should().BeLessThanOrEqualTo(0, "the list needs no horizontal scrolling");

        var path = Environment.GetEnvironmentVariable("VAPI_INSPECTOR_SCREENSHOT") is { Length: > 0 } target
            ? Path.GetFullPath(target)
            : Path.Combine(Path.GetTempPath(), $"vapi-inspector-{Environment.ProcessId}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        new FileInfo(path).Length.Should().BeGreaterThan(10_000);
    }
}
