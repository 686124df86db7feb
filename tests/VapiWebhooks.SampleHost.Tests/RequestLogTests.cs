using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>The sample's one log line per request (Serilog request logging): type and call id from the parsed message, nothing from refused bodies.</summary>
public sealed class RequestLogTests : IDisposable
{
    private const string RequestLogger = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private readonly SampleHostFactory _factory = new();
    private readonly LogCapture _logs = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client(bool authenticated = true)
    {
        var factory = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(_logs)));
        var client = factory.CreateClient();
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SampleHostFactory.Token);
        }

        return client;
    }

    // The client can see the response before the logging code after next() has run: wait for the line
    // (bounded), then expect exactly one.
    private async Task<LogEvent> RequestLineAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_logs.From(RequestLogger).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return _logs.From(RequestLogger).Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task A_handled_message_is_logged_with_its_type_call_id_and_status()
    {
        using var client = Client();
        var message = VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress);

        using var response = await client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var line = await RequestLineAsync();
        line.Level.Should().Be(LogEventLevel.Information);
        LogCapture.Render(line).Should().StartWith($"POST /vapi/webhook status-update call {message.CallId} -> 200 in ");
        line.Properties["CallId"].Should().Be(new ScalarValue(message.CallId), "the call id is a property, so it can be searched");
    }

    [Fact]
    public async Task An_unauthenticated_request_is_logged_without_reading_its_body()
    {
        using var client = Client(authenticated: false);

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        LogCapture.Render(await RequestLineAsync()).Should().StartWith("POST /vapi/webhook (not read) call - -> 401 in ");
    }

    [Fact]
    public async Task A_malformed_body_is_logged_without_a_type()
    {
        using var client = Client();
        using var content = new StringContent("{\"message\": {\"type\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/vapi/webhook", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        LogCapture.Render(await RequestLineAsync()).Should().StartWith("POST /vapi/webhook (not read) call - -> 400 in ");
    }

    [Fact]
    public async Task An_overlong_call_id_is_clipped_in_the_log()
    {
        using var client = Client();
        var message = VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress);
        message.Call!.Id = new string('x', 500);

        using var response = await client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LogCapture.Render(await RequestLineAsync()).Should().Contain($"call {new string('x', 64)}... -> 200");
    }

    [Fact]
    public async Task An_expected_refusal_of_a_tool_is_logged_at_information_without_a_stack_trace()
    {
        using var client = Client();
        var message = VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", """{"date":"2026-02-27"}"""));

        using var response = await client.PostVapiMessageAsync(message);

        (await response.ReadToolResultsAsync()).Single().Error.Should().Contain("is in the past");
        await RequestLineAsync();
        var refusal = _logs.Events.Should().ContainSingle(e => LogCapture.Render(e).Contains("is in the past", StringComparison.Ordinal)).Subject;
        refusal.Level.Should().Be(LogEventLevel.Information);
        refusal.Exception.Should().BeNull();
        LogCapture.Render(refusal).Should().StartWith($"find_free_slots refused for call {message.Call!.Id}: ");
        _logs.Events.Should().NotContain(e => e.Level >= LogEventLevel.Warning);
    }
}
