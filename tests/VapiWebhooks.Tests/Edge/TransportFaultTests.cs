using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Endpoint;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// Finding 2: every fault in how a body arrives (an absurd or malformed chunk, a stalled body, a reset, an early end)
/// is answered 400/408/413 or quietly dropped, never 500, never with a stack trace (the app runs in Development with
/// the developer exception page on), and logged below Warning. Real Kestrel, hand-written HTTP on a loopback socket.
/// </summary>
public sealed class TransportFaultTests : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private VapiTestHost? _host;

    private VapiTestHost Host => _host ?? throw new InvalidOperationException("The app did not start.");

    public async Task InitializeAsync()
    {
        _host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            o =>
            {
                o.MaxRequestBodySize = 256 * 1024;
                o.MinRequestBodyDataRateGracePeriod = TimeSpan.FromSeconds(2);
            },
            logs: _logs,
            host: b => b.Environment.EnvironmentName = Environments.Development,
            map: app =>
            {
                app.UseDeveloperExceptionPage();
                app.MapVapiWebhooks();
            },
            kestrel: true);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _logs.Dispose();

    private static string[] AuthorizedJson(params string[] more)
        => ["Content-Type: application/json", $"Authorization: Bearer {VapiTestHost.Token}", .. more];

    [Fact]
    public async Task A_chunk_size_of_80000000_is_refused_without_a_500_or_a_stack_trace()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Transfer-Encoding: chunked")) + "80000000\r\n{\"message\":");

        var response = await http.ReadResponseAsync();

        response.Status.Should().BeOneOf([400, 413], "an absurd chunk is the client's fault: {0} {1}", response.Head, _logs.AllText);
        AssertNoServerError(response);
    }

    [Fact]
    public async Task A_malformed_chunk_is_answered_400()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Transfer-Encoding: chunked")) + "zz\r\n{}\r\n0\r\n\r\n");

        var response = await http.ReadResponseAsync();

        response.Status.Should().Be(400, response.Head);
        AssertNoServerError(response);
    }

    [Fact]
    public async Task A_body_slower_than_the_minimum_data_rate_is_answered_408_within_seconds()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Content-Length: 100000")) + "{\"message\":");

        // The grace period is 2 s and the rate 4096 B/s: a body that stops here is refused long before the 20 s wait ends.
        var response = await http.ReadResponseAsync();

        response.Status.Should().Be(408, response.Head);
        AssertNoServerError(response);
        Host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_body_that_ends_before_its_content_length_is_not_a_server_error()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Content-Length: 5000")) + "{\"message\":{\"type\":\"status-update\"");
        http.EndSending();

        var response = await http.ReadResponseAsync();

        response.Status.Should().BeOneOf([0, 400], "an early end is answered 400 or the connection is dropped: {0}", response.Head);
        AssertNoServerError(response);
        Host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_the_body_is_dropped_quietly_and_the_server_keeps_answering()
    {
        var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Content-Length: 5000")) + "{\"message\":{\"type\":\"status-update\"");
        await Task.Delay(200);
        http.Reset();

        // The next request is answered as usual, and the reset left nothing above Debug/Information in the log.
        using var response = await Host.Client.PostVapiMessageAsync(VapiTestMessages.Transcript("still here"));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        await Task.Delay(500);
        AssertNoServerError(new RawResponse(0, string.Empty, string.Empty));
    }

    [Fact]
    public async Task A_transport_fault_is_counted_and_logged_at_debug()
    {
        await using var http = await RawHttp.ConnectAsync(Host.Client.BaseAddress!);
        await http.SendAsync(RawHttp.Head("/vapi/webhook", AuthorizedJson("Transfer-Encoding: chunked")) + "zz\r\n{}\r\n0\r\n\r\n");

        (await http.ReadResponseAsync()).Status.Should().Be(400);

        var fault = _logs.Entries.Should().ContainSingle(e => e.EventId.Id == 2009).Subject;
        fault.Level.Should().Be(LogLevel.Debug);
    }

    private void AssertNoServerError(RawResponse response)
    {
        response.Status.Should().NotBe(500);
        var text = response.Head + response.Body;
        text.Should().NotContain("   at ", "no stack trace leaves the server").And.NotContain("Exception");
        _logs.Entries.Where(e => e.Level >= LogLevel.Warning).Should().BeEmpty("a client's transport fault is not a server problem");
    }
}
