using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VapiWebhooks.CallControl;
using VapiWebhooks.CallControl.Commands;
using VapiWebhooks.CallControl.Diagnostics;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>Every command over real HTTP to the recorder on loopback: the JSON Vapi receives, retries, ended calls.</summary>
public sealed class CallControlClientTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions RelaxedOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private CallControlRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await CallControlRecorder.StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    [Fact]
    public async Task Each_typed_method_posts_the_command_Vapi_documents()
    {
        await using var services = new CallControlServices();
        var message = _recorder.UseFor(VapiTestMessages.StatusUpdate(CallStatus.InProgress));
        var control = services.Factory.ForMessage(message)!;

        var results = new[]
        {
            await control.SayAsync("Your table is booked.", endCallAfterSpoken: true, interruptionsEnabled: false),
            await control.AddMessageAsync("The caller's SMS was sent.", CallControlMessageRoles.System, triggerResponse: false),
            await control.MuteAssistantAsync(),
            await control.UnmuteAssistantAsync(),
            await control.MuteCustomerAsync(),
            await control.UnmuteCustomerAsync(),
            await control.SayFirstMessageAsync(),
            await control.TransferAsync(new NumberTransferDestination { Number = "+14155550199" }, "Transferring you now."),
            await control.TransferAsync(new SipTransferDestination { SipUri = "sip:desk@clinic.example" }),
            await control.HandoffAsync(HandoffDestination.ToAssistant("Billing"), "Handing you to billing."),
            await control.EndCallAsync(),
        };

        results.Should().OnlyContain(r => r.Status == CallControlStatus.Sent && r.StatusCode == 200);
        var bodies = _recorder.CommandsFor(message.CallId!).Select(c => Canonical(c.Json)).ToArray();
        bodies.Should().Equal(
            """{"type":"say","content":"Your table is booked.","endCallAfterSpoken":true,"interruptionsEnabled":false}""",
            """{"type":"add-message","message":{"role":"system","content":"The caller's SMS was sent."},"triggerResponseEnabled":false}""",
            """{"type":"control","control":"mute-assistant"}""",
            """{"type":"control","control":"unmute-assistant"}""",
            """{"type":"control","control":"mute-customer"}""",
            """{"type":"control","control":"unmute-customer"}""",
            """{"type":"control","control":"say-first-message"}""",
            """{"type":"transfer","content":"Transferring you now.","destination":{"type":"number","number":"+14155550199"}}""",
            """{"type":"transfer","destination":{"type":"sip","sipUri":"sip:desk@clinic.example"}}""",
            """{"type":"handoff","content":"Handing you to billing.","destination":{"type":"assistant","assistantName":"Billing"}}""",
            """{"type":"end-call"}""");
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_Vapi_accepts()
    {
        await using var services = new CallControlServices();
        var control = services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-retry"), "call-retry");
        _recorder.FailNext(503, times: 2);

        var result = await control.SayAsync("Still there?");

        result.Status.Should().Be(CallControlStatus.Sent);
        _recorder.Requests.Should().Be(3, "two 503s, then the accepted attempt");
        _recorder.CommandsFor("call-retry").Select(c => c.AnsweredStatus).Should().Equal(503, 503, 200);
    }

    [Fact]
    public async Task Persistent_5xx_fails_after_the_configured_retries_without_throwing()
    {
        await using var services = new CallControlServices(o => o.MaxRetryAttempts = 2);
        var control = services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-down"), "call-down");
        _recorder.FailNext(500, times: 10);

        var result = await control.MuteAssistantAsync();

        result.Status.Should().Be(CallControlStatus.Failed);
        result.StatusCode.Should().Be(500);
        _recorder.Requests.Should().Be(3, "one attempt and two retries");
        control.HasEnded.Should().BeFalse("a server error says nothing about the call");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(429)]
    public async Task A_4xx_is_not_retried_and_ends_the_call_for_later_commands(int status)
    {
        await using var services = new CallControlServices();
        var control = services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-4xx"), "call-4xx");
        _recorder.FailNext(status);

        var first = await control.SayAsync("Hello?");
        var later = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => control.SayAsync("Anyone?")));

        first.Status.Should().Be(CallControlStatus.CallEnded);
        first.StatusCode.Should().Be(status);
        later.Should().OnlyContain(r => r.Status == CallControlStatus.CallEnded && r.StatusCode == null);
        _recorder.Requests.Should().Be(1, "no retry of a 4xx, and nothing sent for an ended call");
        control.HasEnded.Should().BeTrue();
        services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-4xx"), "call-4xx").HasEnded.Should().BeTrue("the call, not the control object, has ended");
    }

    [Fact]
    public async Task A_call_ended_by_the_recorder_answers_404_and_stops_further_commands()
    {
        await using var services = new CallControlServices();
        var message = _recorder.UseFor(VapiTestMessages.StatusUpdate(CallStatus.InProgress));
        var control = services.Factory.ForMessage(message)!;
        (await control.SayAsync("One")).Status.Should().Be(CallControlStatus.Sent);

        _recorder.EndCall(message.CallId!);

        (await control.SayAsync("Two")).Should().Match<CallControlResult>(r => r.Status == CallControlStatus.CallEnded && r.StatusCode == 404);
        (await control.EndCallAsync()).Status.Should().Be(CallControlStatus.CallEnded);
        _recorder.Requests.Should().Be(2);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        await using var hanging = await HangingServer.StartAsync();
        await using var services = new CallControlServices(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetryAttempts = 1;
        });
        var control = services.Factory.ForControlUrl(hanging.ControlUrl, "call-hang");

        var result = await control.SayAsync("Hello?");

        result.Status.Should().Be(CallControlStatus.Failed);
        result.StatusCode.Should().BeNull();
        hanging.Connections.Should().Be(2, "the timed-out attempt is retried once");
    }

    [Fact]
    public async Task The_public_api_key_is_sent_as_a_bearer_token_only_when_configured()
    {
        await using (var without = new CallControlServices())
        {
            await without.Factory.ForControlUrl(_recorder.ControlUrlFor("call-open"), "call-open").EndCallAsync();
        }

        await using (var with = new CallControlServices(o => o.PublicApiKey = "pk-test-123"))
        {
            await with.Factory.ForControlUrl(_recorder.ControlUrlFor("call-auth"), "call-auth").EndCallAsync();
        }

        _recorder.CommandsFor("call-open").Single().Authorization.Should().BeNull();
        _recorder.CommandsFor("call-auth").Single().Authorization.Should().Be("Bearer pk-test-123");
    }

    [Fact]
    public async Task A_stored_call_id_finds_the_control_of_a_call_seen_before()
    {
        await using var services = new CallControlServices();
        var message = _recorder.UseFor(VapiTestMessages.StatusUpdate(CallStatus.InProgress));
        services.Factory.ForMessage(message);

        var later = services.Factory.ForCallId(message.CallId!);

        later.Should().NotBeNull();
        later!.ControlUrl.Should().Be(message.Call!.Monitor!.ControlUrl);
        (await later.SayAsync("Your confirmation was sent.")).Succeeded.Should().BeTrue();
        services.Factory.ForCallId("never-seen").Should().BeNull();
    }

    [Fact]
    public async Task A_message_without_a_control_url_gives_no_control()
    {
        await using var services = new CallControlServices();
        var message = VapiTestMessages.StatusUpdate(CallStatus.InProgress);
        message.Call!.Monitor = null;

        services.Factory.ForMessage(message).Should().BeNull();
        var act = () => services.Factory.RequireForMessage(message);
        act.Should().Throw<InvalidOperationException>().WithMessage("*monitorPlan*");
    }

    [Fact]
    public async Task Each_command_is_counted_with_its_type_status_and_duration()
    {
        var measurements = new List<(string Instrument, string? Command, string? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == VapiWebhooksTelemetry.Name && instrument.Name.StartsWith("vapi.call_control.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? command = null, status = null;
            foreach (var tag in tags)
            {
                command = tag.Key == CallControlTelemetry.CommandTag ? (string?)tag.Value : command;
                status = tag.Key == CallControlTelemetry.StatusTag ? (string?)tag.Value : status;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, command, status));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, _, t, _) => Record(i, t));
        listener.SetMeasurementEventCallback<double>((i, _, t, _) => Record(i, t));
        listener.Start();
        await using var services = new CallControlServices();
        var control = services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-metrics"), "call-metrics");

        await control.MuteCustomerAsync();
        _recorder.FailNext(410);
        await control.EndCallAsync();

        lock (measurements)
        {
            measurements.Should().Contain((CallControlTelemetry.CommandsCounter, "mute-customer", "sent"));
            measurements.Should().Contain((CallControlTelemetry.CommandDurationHistogram, "mute-customer", "sent"));
            measurements.Should().Contain((CallControlTelemetry.CommandsCounter, "end-call", "call_ended"));
        }
    }

    [Fact]
    public async Task What_a_command_says_is_logged_at_Debug_only()
    {
        await using var services = new CallControlServices();
        var control = services.Factory.ForControlUrl(_recorder.ControlUrlFor("call-logs"), "call-logs");

        await control.SayAsync("Your PIN is 4711.");

        var aboveDebug = services.Logs.Entries.Where(e => e.Level > LogLevel.Debug).ToArray();
        aboveDebug.Should().Contain(e => e.Text.Contains("say", StringComparison.Ordinal) && e.Text.Contains("call-logs", StringComparison.Ordinal) && e.Text.Contains("sent", StringComparison.Ordinal));
        aboveDebug.Should().NotContain(e => e.Text.Contains("4711", StringComparison.Ordinal));
        services.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Debug && e.Text.Contains("4711", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_that_went_through_logs_one_line_above_Debug_and_never_the_control_url()
    {
        await using var services = new CallControlServices();
        var url = _recorder.ControlUrlFor("call-quiet");
        var control = services.Factory.ForControlUrl(url, "call-quiet");

        (await control.MuteAssistantAsync()).Status.Should().Be(CallControlStatus.Sent);

        // Neither IHttpClientFactory's request logging (it would write the URL, a capability) nor Polly's per-attempt line.
        var aboveDebug = services.Logs.Entries.Where(e => e.Level > LogLevel.Debug).ToArray();
        aboveDebug.Should().ContainSingle().Which.Text.Should().Contain("mute-assistant").And.Contain("call-quiet").And.Contain("sent");
        services.Logs.Entries.Where(e => e.Text.Contains(url.Authority, StringComparison.Ordinal)).Should().BeEmpty();
    }

    // Re-written with relaxed escaping so that expectations read as text ("+" and "'" arrive escaped, which is valid JSON).
    private static string Canonical(string json) => JsonSerializer.Serialize(JsonElement.Parse(json), RelaxedOptions);
}
