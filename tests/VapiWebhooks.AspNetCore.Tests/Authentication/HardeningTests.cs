using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>Hostile requests on a real Kestrel socket: oversized, mistyped, absurd headers, deep JSON, markup in the body.</summary>
public class HardeningTests(ITestOutputHelper output)
{
    private const string Token = "hardening-token-0b2d4f6a8c-5e7a9c1b3d";
    private const string Path = "/vapi/webhook";

    private static Dictionary<string, string?> Settings(long? maxBody = null)
    {
        var settings = new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = Token };
        if (maxBody is { } limit)
        {
            settings["Vapi:Webhooks:MaxRequestBodySize"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413_before_the_client_has_finished_sending()
    {
        await using var app = await AuthTestApp.StartAsync(Settings(maxBody: 1024));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST {Path} HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nContent-Type: application/json\r\nAuthorization: Bearer {Token}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // 8 KB in two 4 KB chunks, eight times the limit, and never the terminating chunk: a server that waited for
        // the whole body would never answer, and the read below would time out.
        var chunk = Encoding.ASCII.GetBytes("1000\r\n" + new string(' ', 4096) + "\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes("1000\r\n{\"message\":" + new string(' ', 4096 - 11) + "\r\n"));
        await stream.WriteAsync(chunk);
        await stream.FlushAsync();

        var response = await ReadResponseHeadAsync(stream, TimeSpan.FromSeconds(60));

        response.Should().StartWith("HTTP/1.1 413 ");
        response.Should().Contain("application/problem+json");
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413_and_the_handler_does_not_run()
    {
        await using var app = await AuthTestApp.StartAsync(Settings(maxBody: 1024));
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"assistant-request\",\"pad\":\"" + new string('x', 2048) + "\"}}");

        var response = await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.Bearer(Token));

        ((int)response.StatusCode).Should().Be(413);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("reason").GetString().Should().Be("body_too_large");
        app.Calls.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_body_that_is_not_JSON_is_415_and_the_handler_does_not_run(string? contentType)
    {
        await using var app = await AuthTestApp.StartAsync(Settings());
        var body = CredentialMode.NewBody();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress, Path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        VapiTestCredential.Bearer(Token).ApplyTo(request, body);

        var response = await app.Client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(415);
        app.Calls.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("Authorization", 9 * 1024)]
    [InlineData("Authorization", 20 * 1024)]
    [InlineData("Authorization", 64 * 1024)]
    [InlineData("x-signature", 20 * 1024)]
    public async Task A_header_of_absurd_length_is_refused_and_never_a_server_error(string header, int length)
    {
        await using var app = await AuthTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = Token,
            ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = "hardening-hmac-secret-4d6f8a0c2e1b3579",
        });
        var value = header == "Authorization" ? "Bearer " + new string('a', length) : new string('0', length);
        var credential = VapiTestCredential.FromHeaders(new Dictionary<string, string> { [header] = value, ["x-timestamp"] = "1" });

        HttpResponseMessage response;
        try
        {
            response = await app.Client.PostVapiBodyAsync(CredentialMode.NewBody(), Path, credential);
        }
        catch (HttpRequestException ex)
        {
            // Kestrel may close the connection on a header block over its limit; that is a refusal too.
            output.WriteLine($"{header} of {length}: connection closed ({ex.Message})");
            app.Calls.Count.Should().Be(0);
            return;
        }

        output.WriteLine($"{header} of {length}: {(int)response.StatusCode}");
        ((int)response.StatusCode).Should().BeOneOf(401, 431);
        if ((int)response.StatusCode == 401)
        {
            await AuthAssert.IsTerseUnauthorizedAsync(response);
            app.Logs.Unauthenticated().Single().State["Reason"].Should().Be("HeaderTooLarge");
        }

        app.Calls.Count.Should().Be(0);
        var tail = value[^64..];
        app.Logs.Entries.Should().NotContain(e => e.Message.Contains(tail, StringComparison.Ordinal), "the header value is never logged");
    }

    [Fact]
    public async Task JSON_nested_deeper_than_64_is_400_once_authenticated()
    {
        await using var app = await AuthTestApp.StartAsync(Settings());
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"assistant-request\",\"deep\":" + new string('[', 100) + new string(']', 100) + "}}");

        var response = await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.Bearer(Token));

        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);
        ((int)response.StatusCode).Should().Be(400);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("reason").GetString().Should().Be("invalid_body");
        app.Calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task JSON_nested_within_the_limit_is_accepted()
    {
        await using var app = await AuthTestApp.StartAsync(Settings());

        // The envelope and the message are two levels; 60 more stay within 64.
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"assistant-request\",\"deep\":" + new string('[', 60) + new string(']', 60) + "}}");

        await AuthAssert.IsAcceptedAsync(await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.Bearer(Token)));
    }

    [Fact]
    public async Task Deep_JSON_without_a_credential_is_401_it_never_reaches_the_parser()
    {
        await using var app = await AuthTestApp.StartAsync(Settings());
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"assistant-request\",\"deep\":" + new string('[', 100000) + "}}");

        await AuthAssert.IsTerseUnauthorizedAsync(await app.Client.PostVapiBodyAsync(body, Path, VapiTestCredential.None));
    }

    public static TheoryData<string> HostileBodies() =>
    [
        """{"message":{"type":"<script>alert(1)</script>"}}""",
        """{"message":{"type":"assistant-request","call":{"id":"<script>alert(1)</script>","<script>x</script>":[}}}""",
        """{"message":{"type":"tool-calls","toolCallList":"<script>alert(1)</script>"}}""",
        """{"message":{"type":"tool-calls","<script>alert(1)</script>":1,"toolCallList":[{"id":"<script>","type":"function","function":{"name":"<script>alert(1)</script>","arguments":{"<b>":"</b>"}}}]}}""",
        """{"message":{"type":"function-call","functionCall":{"name":"<script>alert(1)</script>","parameters":{}}}}""",
        """{"<script>alert(1)</script>":{"type":"assistant-request"}}""",
        """{"message":{"type":"voice-request","text":"<script>alert(1)</script>","sampleRate":12345}}""",
        """<script>alert(1)</script>""",
    ];

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Markup_in_the_body_is_never_echoed_and_every_reply_is_valid_JSON(string hostile)
    {
        await using var app = await AuthTestApp.StartAsync(Settings());

        var response = await app.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes(hostile), Path, VapiTestCredential.Bearer(Token));

        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        ((int)response.StatusCode).Should().BeLessThan(500);
        text.Should().NotContainEquivalentOf("<script", "request markup is never echoed raw");
        text.Should().NotContainEquivalentOf("</", "request markup is never echoed raw");
        if (text.Length > 0)
        {
            response.Content.Headers.ContentType?.MediaType.Should().BeOneOf("application/json", "application/problem+json");
            FluentActions.Invoking(() => JsonDocument.Parse(text).Dispose()).Should().NotThrow("the reply is valid JSON");
        }
    }

    [Fact]
    public async Task Request_text_in_a_problem_detail_is_JSON_escaped_like_the_replies()
    {
        // Replies escape '<' as \u003C (System.Text.Json's default encoder); the problem details should too, so that no
        // request character reaches a client raw. The JSON parser's message quotes the offending character.
        await using var app = await AuthTestApp.StartAsync(Settings());

        var response = await app.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), Path, VapiTestCredential.Bearer(Token));

        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);
        ((int)response.StatusCode).Should().Be(400);
        text.Should().NotContain("<", "request characters in the detail are escaped (\\u003C), as in every JSON reply of the library");
    }

    private static async Task<string> ReadResponseHeadAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cts.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
