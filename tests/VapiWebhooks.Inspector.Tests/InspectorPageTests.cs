using System.Net;
using Microsoft.Playwright;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using static Microsoft.Playwright.Assertions;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// The inspector page in a real headless Chromium against a real Kestrel host: messages posted over HTTP appear live,
/// grouped by call, redacted, with the voice reply playable, replayable, and tools runnable from the form.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InspectorPageTests(Browser browser)
{
    // The bar: a posted message is on the page within a second.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    private static async Task<IPage> OpenAsync(Browser browser, InspectorHost host)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(host.InspectorUrl);
        // The live stream is open once the page has received what was already kept ("ready").
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        errors.Should().BeEmpty();
        return page;
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_posted_message_appears_live_with_its_facts()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        await Expect(page.Locator("#exchange-rows tr")).ToHaveCountAsync(0);

        var message = VapiTestMessages.StatusUpdate(CallStatus.InProgress);
        using (var response = await host.PostAsync(message))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var row = page.Locator($"#exchange-rows tr[data-type='status-update'][data-call='{message.CallId}']");
        await Expect(row).ToBeVisibleAsync(WithinASecond);
        await Expect(row.Locator("td.status")).ToHaveTextAsync("200");
        await Expect(row.Locator("td.auth")).ToHaveTextAsync("ok");
        await Expect(row.Locator("td.outcome")).ToHaveTextAsync("replied");
        await Expect(row.Locator("td.latency")).ToContainTextAsync("/ 18.0 s", new() { Timeout = 1000 });
        await Expect(row.Locator(".bar")).ToHaveCountAsync(1);
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task Exchanges_are_grouped_by_call_with_the_conversation_as_bubbles()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        var first = VapiTestMessages.Call(callId: "call-first-0001");
        var second = VapiTestMessages.Call(callId: "call-second-0002");
        foreach (var message in new ServerMessage[]
        {
            VapiTestMessages.ForCall(VapiTestMessages.Transcript("I'd like to book a cleaning.", "user"), first),
            VapiTestMessages.ForCall(VapiTestMessages.Transcript("Sure, which day suits you?", "assistant"), first),
            VapiTestMessages.ForCall(VapiTestMessages.Transcript("Do you open on Saturdays?", "user"), second),
            VapiTestMessages.ForCall(VapiTestMessages.PartialTranscript("I'd like", "user"), first),
        })
        {
            using var response = await host.PostAsync(message);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Expect(page.Locator("#exchange-rows tr")).ToHaveCountAsync(4);
        await page.Locator("#call-list li[data-call='call-first-0001']").ClickAsync();
        await Expect(page.Locator("#exchange-rows tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#exchange-rows tr[data-call='call-second-0002']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#call-title")).ToHaveTextAsync("Call call-first-0001");
        // Final transcripts only, in order, the caller on one side and the assistant on the other.
        await Expect(page.Locator("#conversation .bubble")).ToHaveCountAsync(2);
        await Expect(page.Locator("#conversation .bubble.user")).ToContainTextAsync("I'd like to book a cleaning.");
        await Expect(page.Locator("#conversation .bubble.assistant")).ToContainTextAsync("Sure, which day suits you?");

        await page.Locator("#call-list li[data-call='call-second-0002']").ClickAsync();
        await Expect(page.Locator("#exchange-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#conversation .bubble.user")).ToHaveTextAsync("callerDo you open on Saturdays?");
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task The_bearer_token_and_the_HMAC_signature_never_reach_the_page()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        string signatureSent;
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUrl + InspectorHost.HmacPath)))
        {
            var body = Serialization.VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(CallStatus.Ended));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            VapiTestCredential.Hmac(InspectorHost.Hmac).ApplyTo(request, body);
            signatureSent = request.Headers.GetValues("x-vapi-signature").Single();
            using var response = await host.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Expect(page.Locator("#exchange-rows tr")).ToHaveCountAsync(2);
        await page.Locator("#exchange-rows tr[data-id='1']").ClickAsync();
        await page.Locator("#detail details summary").ClickAsync();
        await Expect(page.Locator("#headers")).ToContainTextAsync("Bearer [redacted]");

        await page.Locator("#exchange-rows tr[data-id='2']").ClickAsync();
        await Expect(page.Locator("#detail-facts")).ToContainTextAsync(InspectorHost.HmacPath);
        await Expect(page.Locator("#headers tr", new() { HasText = "x-vapi-signature" })).ToContainTextAsync("[redacted]");

        var everything = await page.ContentAsync();
        everything.Should().NotContain(VapiTestHost.Token).And.NotContain(signatureSent).And.NotContain(InspectorHost.HmacSecret);
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_voice_reply_is_drawn_as_a_waveform_and_plays()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        using (var response = await host.PostAsync(VapiTestMessages.VoiceRequest("Your cleaning is booked for Tuesday.", 16000)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsByteArrayAsync()).Length.Should().Be(3 * 3200 * 2);
        }

        var row = page.Locator("#exchange-rows tr[data-type='voice-request']");
        await Expect(row).ToBeVisibleAsync(WithinASecond);
        await row.ClickAsync();
        await Expect(page.Locator("#voice")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-facts")).ToContainTextAsync("19200 bytes of PCM at 16000 Hz");
        await Expect(page.Locator("#waveform[data-drawn=true]")).ToHaveCountAsync(1);
        var lit = await page.EvaluateAsync<int>("""
            () => { const c = document.getElementById('waveform'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 150) n++; return n; }
            """);
        lit.Should().BeGreaterThan(100, "the tone is drawn in blue on a dark background");

        var player = page.Locator("#player");
        (await player.GetAttributeAsync("src")).Should().EndWith("/api/exchanges/1/audio.wav");
        var duration = await page.EvaluateAsync<double>("""
            async () => { const a = document.getElementById('player');
                          if (a.readyState < 1) await new Promise((ok, fail) => { a.onloadedmetadata = ok; a.onerror = () => fail(new Error('audio error ' + (a.error && a.error.code))); });
                          await a.play(); return a.duration; }
            """);
        duration.Should().BeApproximately(0.6, 0.01);
        await page.WaitForFunctionAsync("() => document.getElementById('player').currentTime > 0");
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_request_is_replayed_through_the_same_pipeline_and_the_new_reply_is_shown_beside_the_old()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        using (var response = await host.PostAsync(VapiTestMessages.ToolCalls(new TestToolCall("check_availability", """{"date":"2026-03-03","partOfDay":"afternoon"}"""))))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await page.Locator("#exchange-rows tr[data-type='tool-calls']").ClickAsync();
        await Expect(page.Locator("#reply-body")).ToContainTextAsync("Open slots on 2026-03-03: 14:30, 16:00");
        await page.Locator("#search").FillAsync("2026-03-03");
        await Expect(page.Locator("#search-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]* match"));
        await Expect(page.Locator("#request-body mark").First).ToHaveTextAsync("2026-03-03");

        await page.Locator("#replay").ClickAsync();
        await Expect(page.Locator("#replay-result")).ToBeVisibleAsync();
        await Expect(page.Locator("#replay-body")).ToContainTextAsync("Open slots on 2026-03-03: 14:30, 16:00");
        await Expect(page.Locator("#replay-status")).ToContainTextAsync("#2 · 200 · replied");
        await Expect(page.Locator("#reply-body")).ToContainTextAsync("Open slots on 2026-03-03");
        var replayRow = page.Locator("#exchange-rows tr[data-id='2']");
        await Expect(replayRow.Locator("td.type")).ToHaveTextAsync("tool-calls (replay of #1)");
        await Expect(replayRow.Locator("td.auth")).ToHaveTextAsync("replay (not authenticated)");
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_tool_runs_from_the_form_built_from_its_argument_type()
    {
        await using var host = await InspectorHost.StartAsync();
        var page = await OpenAsync(browser, host);
        await page.Locator("button.tab[data-tab=tools]").ClickAsync();
        await page.Locator("#tool-list li[data-tool=book_appointment]").ClickAsync();
        await Expect(page.Locator("#tool-type")).ToHaveTextAsync("Arguments: BookingArgs");
        await page.Locator("#tool-fields input[name=name]").FillAsync("Ada Lovelace");
        await page.Locator("#tool-fields input[name=date]").FillAsync("2026-03-03");
        await page.Locator("#tool-fields input[name=time]").FillAsync("10:00");
        await page.Locator("#tool-fields input[name=service]").FillAsync("cleaning");
        (await page.Locator("#tool-fields input[name=partySize]").GetAttributeAsync("type")).Should().Be("number");
        await page.Locator("#tool-fields input[name=partySize]").FillAsync("2");
        await page.Locator("#run-tool").ClickAsync();
        await Expect(page.Locator("#tool-reply")).ToContainTextAsync("Booked Ada Lovelace on 2026-03-03 at 10:00 for a cleaning.");
        await Expect(page.Locator("#tool-status")).ToContainTextAsync("200 · replied");

        // The run is an exchange like any other: on the list, under the form's call id.
        await page.Locator("button.tab[data-tab=exchanges]").ClickAsync();
        await Expect(page.Locator("#exchange-rows tr[data-type='tool-calls'][data-call='inspector']")).ToHaveCountAsync(1);
    }
}
