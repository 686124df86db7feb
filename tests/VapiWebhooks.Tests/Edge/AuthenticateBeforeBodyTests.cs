using System.Globalization;
using System.Net;
using System.Text;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Security;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Endpoint;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// Findings 1 and 6: the credential is checked from the headers before a byte of body is read, so an unauthenticated
/// client gets 401 before any content check (type, encoding, size) and while its body has not even been sent. Real
/// Kestrel on loopback; a raw socket sends headers without the body they announce.
/// </summary>
public sealed class AuthenticateBeforeBodyTests : IAsyncLifetime
{
    private const string HmacSecret = "edge-tests-hmac-secret-0123456789abcdef";

    private static readonly VapiHmacOptions Hmac = new() { Secrets = { HmacSecret } };

    private VapiTestHost? _host;

    private VapiTestHost Host => _host ?? throw new InvalidOperationException("The app did not start.");

    public async Task InitializeAsync()
    {
        // Bearer (the test host's default) and HMAC at once: a request with the signature header is checked as HMAC.
        _host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            configuration: new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = HmacSecret },
            kestrel: true);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unauthenticated_4_MiB_upload_is_answered_401_before_its_body_is_sent()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", ["Content-Type: application/json", "Content-Length: 4194304"]));

        var response = await http.ReadResponseAsync();

        response.Status.Should().Be(401, "the headers alone say the request is not authenticated: {0}", response.Head);
        response.Body.Should().Contain(ProblemReason.Unauthorized);
        response.Head.Should().ContainEquivalentOf("Connection: close", "the unread body is not drained");
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_answered_401_before_the_body_is_sent()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", ["Content-Type: application/json", "Content-Length: 4194304", "Authorization: Bearer not-the-token-but-long-enough-to-look-real"]));

        (await http.ReadResponseAsync()).Status.Should().Be(401);
    }

    public static TheoryData<string, string> HmacHeadersRefusedAlone() => new()
    {
        { "stale timestamp", $"x-signature: {new string('a', 64)}\r\nx-timestamp: {DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()}" },
        { "future timestamp", $"x-signature: {new string('a', 64)}\r\nx-timestamp: {DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}" },
        { "missing timestamp", $"x-signature: {new string('a', 64)}" },
        { "malformed timestamp", $"x-signature: {new string('a', 64)}\r\nx-timestamp: yesterday" },
        { "malformed signature", $"x-signature: not-hex\r\nx-timestamp: {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}" },
        { "signature of the wrong length", $"x-signature: abcd\r\nx-timestamp: {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}" },
    };

    [Theory]
    [MemberData(nameof(HmacHeadersRefusedAlone))]
    public async Task Hmac_headers_that_cannot_verify_are_refused_before_the_body_is_sent(string problem, string headers)
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", ["Content-Type: application/json", "Content-Length: 4194304", headers]));

        var response = await http.ReadResponseAsync();

        response.Status.Should().Be(401, "a {0} is refused from the headers: {1}", problem, response.Head);
    }

    [Fact]
    public async Task Hmac_headers_that_look_right_have_the_body_read_and_its_signature_checked()
    {
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.Transcript("signed"));

        using var signed = await Host.Client.PostVapiBodyAsync(body, "/vapi/webhook", VapiTestCredential.Hmac(Hmac));
        using var forged = await Host.Client.PostVapiBodyAsync(body, "/vapi/webhook", VapiTestCredential.Hmac(new VapiHmacOptions { Secrets = { "another-secret-of-the-same-length-000000" } }));

        signed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await forged.ReadProblemAsync(HttpStatusCode.Unauthorized)).Reason.Should().Be(ProblemReason.Unauthorized);
    }

    public static TheoryData<string, string?, string> ContentProblems() => new()
    {
        { "text/plain", null, "not JSON" },
        { "application/json", "gzip", "compressed" },
        { "application/json", "br, identity", "compressed" },
        { "application/json; charset=iso-8859-1", null, "not UTF-8" },
        { "application/json; charset=utf-16", null, "not UTF-8" },
    };

    [Theory]
    [MemberData(nameof(ContentProblems))]
    public async Task Content_problems_are_401_when_unauthenticated_and_415_when_authenticated(string contentType, string? contentEncoding, string problem)
    {
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.Transcript("hello"));

        using var anonymous = await PostAsync(body, contentType, contentEncoding, authenticated: false);
        using var authenticated = await PostAsync(body, contentType, contentEncoding, authenticated: true);

        (await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized)).Reason.Should().Be(ProblemReason.Unauthorized, "an unauthenticated client learns nothing of the content checks ({0})", problem);
        (await authenticated.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Reason.Should().Be(ProblemReason.UnsupportedMediaType, problem);
        Host.Log.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", null)]
    [InlineData("application/json; charset=\"UTF-8\"", "identity")]
    [InlineData("application/json", null)]
    public async Task Utf8_and_identity_are_accepted(string contentType, string? contentEncoding)
    {
        using var response = await PostAsync(VapiJson.SerializeEnvelope(VapiTestMessages.Transcript("hello")), contentType, contentEncoding, authenticated: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unauthenticated_body_over_the_size_limit_is_401_not_413()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", ["Content-Type: text/plain", "Content-Encoding: gzip", $"Content-Length: {(64L * 1024 * 1024).ToString(CultureInfo.InvariantCulture)}"]));

        (await http.ReadResponseAsync()).Status.Should().Be(401);
    }

    [Fact]
    public async Task A_body_without_the_message_envelope_is_refused_with_400()
    {
        using var response = await Host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes("""{"type":"status-update","status":"in-progress"}"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Reason.Should().Be(ProblemReason.InvalidBody);
        problem.Detail.Should().Contain("'message'").And.Contain("$");
        Host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_body_without_the_message_envelope_is_accepted_when_the_option_opts_in()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi), o => o.AcceptBareMessages = true);

        using var response = await host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes("""{"type":"status-update","status":"in-progress"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType, string? contentEncoding, bool authenticated)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/vapi/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType).Should().BeTrue();
        if (contentEncoding is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", contentEncoding).Should().BeTrue();
        }

        if (authenticated)
        {
            return await Host.Client.SendAsync(request);
        }

        // The host's client sends the token by default: an anonymous client is a separate one.
        using var anonymous = new HttpClient { BaseAddress = Host.Client.BaseAddress, Timeout = VapiTestHost.RequestTimeout };
        return await anonymous.SendAsync(request);
    }
}
