using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Encryption;
using VapiWebhooks.Testing;
using static Microsoft.Playwright.Assertions;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// Tool arguments Vapi encrypted reach the tool decrypted, and the inspector shows them as <c>"encrypted"</c>: neither
/// the ciphertext nor the decrypted value is in anything it serves (the exchange, the live stream, a replay, the
/// page in the browser). One argument comes from a path the message lists (<c>server.encryptedPaths</c>, arguments as
/// an object), the other from a path declared with <c>DecryptArguments</c> (arguments as a JSON string, OpenAI's format).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InspectorEncryptedArgumentTests(Browser browser)
{
    private const string Ssn = "078-05-1120";
    private const string CardNumber = "4111111111111111";
    private const string BodyMark = "encrypted";

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task Encrypted_arguments_are_shown_as_encrypted_and_neither_ciphertext_nor_plaintext_is_served()
    {
        using var rsa = RSA.Create(2048);
        var received = new Received();
        await using var host = await InspectorHost.StartAsync(vapi: v =>
        {
            v.AddTool<IdentityArgs>("verify_identity", (args, _, _) =>
                {
                    received.Values.Enqueue(args.Ssn);
                    return Task.FromResult<object?>($"Identity checked for {args.FullName}.");
                })
                .AddTool<CardArgs>("charge_card", (args, _, _) =>
                {
                    received.Values.Enqueue(args.CardNumber);
                    return Task.FromResult<object?>($"Charged {args.Amount} to the card.");
                })
                .DecryptArguments("charge_card", "cardNumber")
                .AddCredential(string.Empty, o => o.Encryption = new VapiEncryptionOptions { PrivateKeys = [rsa.ExportPkcs8PrivateKeyPem()] });
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.InspectorUrl);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        var publicKey = rsa.ExportSubjectPublicKeyInfoPem();
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("verify_identity", $$"""{"fullName":"Dana Whitfield","ssn":"{{Ssn}}"}""") { EncryptedPaths = ["ssn"], PublicKeyPem = publicKey },
            new TestToolCall("charge_card", $$"""{"cardNumber":"{{CardNumber}}","amount":12}""", ArgumentsAsString: true) { EncryptedPaths = ["cardNumber"], PublicKeyPem = publicKey, ListEncryptedPaths = false });
        var ciphertexts = new[]
        {
            message.ToolCallList![0].Function!.Arguments.GetProperty("ssn").GetString()!,
            message.ToolCallList[1].Function!.Arguments.GetProperty("cardNumber").GetString()!,
        };
        message.ToolCallList[1].Function!.ArgumentsArrivedAsString.Should().BeTrue();
        using (var response = await host.PostAsync(message))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.ReadToolResultsAsync()).Select(r => r.Result).Should().Equal("Identity checked for Dana Whitfield.", "Charged 12 to the card.");
        }

        received.Values.Should().BeEquivalentTo([Ssn, CardNumber], "the tools got the decrypted values");

        // The exchange as the API serves it: each encrypted value is "encrypted", in both argument formats.
        var exchange = await host.Client.LatestAsync(1);
        ShouldNotLeak(exchange, ciphertexts);
        var request = JsonElement.Parse(exchange.GetProperty("request").GetString()!).GetProperty("message");
        var calls = request.GetProperty("toolCallList");
        calls[0].GetProperty("function").GetProperty("arguments").GetProperty("ssn").GetString().Should().Be(BodyMark);
        calls[0].GetProperty("function").GetProperty("arguments").GetProperty("fullName").GetString().Should().Be("Dana Whitfield", "only the encrypted paths are hidden");
        var cardArguments = JsonElement.Parse(calls[1].GetProperty("function").GetProperty("arguments").GetString()!);
        cardArguments.GetProperty("cardNumber").GetString().Should().Be(BodyMark);
        cardArguments.GetProperty("amount").GetInt32().Should().Be(12);
        var nested = request.GetProperty("toolWithToolCallList")[0].GetProperty("toolCall").GetProperty("function").GetProperty("arguments");
        nested.GetProperty("ssn").GetString().Should().Be(BodyMark, "the same ciphertext is hidden wherever it appears");

        // The live stream, as a page that opens now receives it.
        var streamed = await StreamedExchangesAsync(host);
        streamed.Should().ContainSingle();
        ShouldNotLeak(streamed[0], ciphertexts);

        // The page: the request body, the tool bubbles of the call, and a replay (which decrypts again).
        await page.Locator("#exchange-rows tr[data-type='tool-calls']").ClickAsync();
        await Expect(page.Locator("#request-body")).ToContainTextAsync("\"ssn\": \"encrypted\"");
        await Expect(page.Locator("#request-body")).ToContainTextAsync("\\\"cardNumber\\\":\\\"encrypted\\\"");
        await page.Locator($"#call-list li[data-call='{message.CallId}']").ClickAsync();
        await Expect(page.Locator("#conversation .bubble.tool").First).ToContainTextAsync("verify_identity({\"fullName\":\"Dana Whitfield\",\"ssn\":\"encrypted\"})");
        await Expect(page.Locator("#conversation .bubble.tool").Nth(1)).ToContainTextAsync("charge_card({\"cardNumber\":\"encrypted\",\"amount\":12})");

        await page.Locator("#replay").ClickAsync();
        await Expect(page.Locator("#replay-body")).ToContainTextAsync("Charged 12 to the card.");
        received.Values.Should().HaveCount(4, "the replay ran both tools again, decrypting again");
        ShouldNotLeak(await host.Client.LatestAsync(2), ciphertexts);

        var html = await page.ContentAsync();
        html.Should().Contain("encrypted");
        ShouldNotLeak(html, ciphertexts);
        var shown = await page.EvaluateAsync<string>("() => document.body.innerText");
        shown.Should().Contain("encrypted");
        ShouldNotLeak(shown, ciphertexts);
    }

    // The plaintexts, and every run of a ciphertext between its '+', '/' and '=': a ciphertext written with JSON escapes
    // ("\u002B", "\/") is caught as well as one written as is.
    private static void ShouldNotLeak(string served, IEnumerable<string> ciphertexts)
    {
        served.Should().NotBeNullOrEmpty();
        served.Should().NotContain(Ssn).And.NotContain(CardNumber);
        foreach (var ciphertext in ciphertexts)
        {
            var runs = ciphertext.Split('+', '/', '=').Where(run => run.Length >= 8).ToList();
            runs.Should().NotBeEmpty();
            foreach (var run in runs)
            {
                served.Should().NotContain(run, "no part of a ciphertext is served");
            }
        }
    }

    // JSON as served and with every string decoded (the bodies are JSON text inside JSON strings).
    private static void ShouldNotLeak(JsonElement served, IEnumerable<string> ciphertexts)
    {
        var text = new StringBuilder(served.GetRawText());
        AppendStrings(served, text);
        ShouldNotLeak(text.ToString(), ciphertexts);
    }

    private static void AppendStrings(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text.Append('\n').Append(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AppendStrings(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AppendStrings(item, text);
                }

                break;
        }
    }

    // The server-sent events a page gets on connecting, up to "ready": every kept exchange.
    private static async Task<List<JsonElement>> StreamedExchangesAsync(InspectorHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await host.Client.GetAsync($"{InspectorHost.InspectorPath}/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var exchanges = new List<JsonElement>();
        var type = string.Empty;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
                if (type == "ready")
                {
                    break;
                }
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "exchange")
            {
                exchanges.Add(JsonElement.Parse(line["data: ".Length..]));
            }
        }

        return exchanges;
    }

    public sealed record IdentityArgs(string FullName, string Ssn);

    public sealed record CardArgs(string CardNumber, decimal Amount);

    private sealed class Received
    {
        public ConcurrentQueue<string> Values { get; } = new();
    }
}
