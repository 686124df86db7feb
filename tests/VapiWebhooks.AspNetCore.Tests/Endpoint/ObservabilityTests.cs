using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Endpoint;

public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

public class ObservabilityTests
{
    private const string Canary = "CANARY-7f3e1d-body-text";

    [Fact]
    public async Task A_meter_listener_sees_the_message_counter_and_the_duration_histogram_with_type_and_outcome()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<MultiHandler>().AddTool<JsonElement>("noop", (a, c, t) => Task.FromResult<object?>("ok")),
            o => o.FallbackEndpointingTimeoutSeconds = 1);
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this app's meter: other tests run in parallel in this process.
                if (instrument.Meter.Name == VapiWebhooksTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        (await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended))).Dispose();
        (await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest())).Dispose();
        (await host.Client.PostVapiMessageAsync(VapiTestMessages.CallEndpointingRequest())).Dispose();
        (await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("noop")))).Dispose();
        (await host.Client.PostVapiMessageAsync(VapiTestMessages.Unknown("brand-new.event"))).Dispose();

        var counted = measurements.Where(m => m.Instrument == VapiWebhooksTelemetry.MessagesCounter)
            .Select(m => (Type: m.Tag(VapiWebhooksTelemetry.MessageTypeTag), Outcome: m.Tag(VapiWebhooksTelemetry.OutcomeTag), m.Value)).ToList();
        counted.Should().BeEquivalentTo(new (object?, object?, double)[]
        {
            (ServerMessageTypes.StatusUpdate, "acknowledged", 1),
            (ServerMessageTypes.AssistantRequest, "replied", 1),
            (ServerMessageTypes.CallEndpointingRequest, "no_handler", 1),
            (ServerMessageTypes.ToolCalls, "replied", 1),
            ("unknown", "acknowledged", 1),
        });
        var durations = measurements.Where(m => m.Instrument == VapiWebhooksTelemetry.HandlerDurationHistogram).ToList();
        durations.Should().HaveCount(5);
        durations.Should().OnlyContain(m => m.Value >= 0 && m.Tag(VapiWebhooksTelemetry.MessageTypeTag) != null && m.Tag(VapiWebhooksTelemetry.OutcomeTag) != null);
    }

    [Fact]
    public async Task An_activity_listener_sees_one_span_per_message_with_its_type_outcome_and_call_id()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans);
        await using var host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi).AddHandler<CatchAllHandler>());
        var unknownCallId = Guid.NewGuid().ToString();
        var posts = new (byte[] Body, string CallId, string Type)[]
        {
            Post(VapiTestMessages.StatusUpdate(CallStatus.Ended)),
            Post(VapiTestMessages.EndOfCallReport()),
            Post(VapiTestMessages.AssistantRequest()),
            Post(VapiTestMessages.ToolCalls(new TestToolCall("check_availability"), new TestToolCall("send_sms"))),
            Post(VapiTestMessages.KnowledgeBaseRequest()),
            (Encoding.UTF8.GetBytes("""{"message":{"type":"brand-new.event","call":{"id":""" + "\"" + unknownCallId + "\"}}}"), unknownCallId, "unknown"),
        };

        foreach (var post in posts)
        {
            (await host.Client.PostVapiBodyAsync(post.Body)).Dispose();
        }

        foreach (var post in posts)
        {
            var span = spans.Where(a => (string?)a.GetTagItem(VapiWebhooksTelemetry.CallIdTag) == post.CallId)
                .Should().ContainSingle($"one span for the '{post.Type}' message").Subject;
            span.GetTagItem(VapiWebhooksTelemetry.MessageTypeTag).Should().Be(post.Type);
            span.GetTagItem(VapiWebhooksTelemetry.OutcomeTag).Should().NotBeNull();
            span.DisplayName.Should().Be("vapi " + post.Type);
        }
    }

    [Fact]
    public async Task A_voice_request_gets_a_span_too()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans);
        await using var host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi));
        var message = VapiTestMessages.VoiceRequest();

        using var response = await host.Client.PostVapiMessageAsync(message);

        (await response.ReadPcmAsync()).Should().NotBeEmpty();
        spans.Where(a => (string?)a.GetTagItem(VapiWebhooksTelemetry.CallIdTag) == message.CallId)
            .Should().ContainSingle("every message, voice-request included, gets one span");
    }

    [Fact]
    public async Task A_failed_message_marks_its_span_as_an_error()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans);
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<ThrowingHandler>());
        var message = VapiTestMessages.EndOfCallReport();

        (await host.Client.PostVapiMessageAsync(message)).Dispose();

        var span = spans.Should().ContainSingle(a => (string?)a.GetTagItem(VapiWebhooksTelemetry.CallIdTag) == message.CallId).Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem(VapiWebhooksTelemetry.OutcomeTag).Should().Be("handler_failed");
    }

    [Fact]
    public async Task Logs_at_every_level_never_contain_the_request_body()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi)
                .AddTool<BookingArgs>("book_table", (a, c, t) => Task.FromResult<object?>("booked"))
                .AddHandler<ThrowingHandler>(),
            logs: logs);
        var transcript = VapiTestMessages.Transcript("My card number is " + Canary);
        var report = VapiTestMessages.EndOfCallReport("The caller said " + Canary);
        var tools = VapiTestMessages.ToolCalls(
            new TestToolCall("book_table", $$"""{"date":"{{Canary}}","time":"19:30","guests":"{{Canary}}"}"""),
            new TestToolCall("book_table", $$"""{"date":"{{Canary}}","time":"19:30","guests":2}""", ArgumentsAsString: true),
            new TestToolCall("no_such_tool", $$"""{"secret":"{{Canary}}"}"""));
        var bodies = new List<byte[]>
        {
            VapiJson.SerializeEnvelope(transcript),
            VapiJson.SerializeEnvelope(report),
            VapiJson.SerializeEnvelope(tools),
            VapiJson.SerializeEnvelope(VapiTestMessages.FunctionCall("book_table", $$"""{"date":"{{Canary}}"}""")),
            VapiJson.SerializeEnvelope(VapiTestMessages.VoiceRequest("Say " + Canary)),
            VapiJson.SerializeEnvelope(VapiTestMessages.AssistantRequest(Canary)),
            Encoding.UTF8.GetBytes("""{"message":{"type":"brand-new.event","payload":""" + "\"" + Canary + "\"}}"),
            Encoding.UTF8.GetBytes($$"""{"message":{"type":"status-update","status":"{{Canary}}" """),
            Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","status":"ended","timestamp":""" + "\"" + Canary + "\"}}"),
            Encoding.UTF8.GetBytes("""{"message":{"status":""" + "\"" + Canary + "\"}}"),
            Encoding.UTF8.GetBytes($$"""{"{{Canary}}":1}"""),
        };

        foreach (var body in bodies)
        {
            (await host.Client.PostVapiBodyAsync(body)).Dispose();
        }

        logs.Entries.Should().Contain(e => e.EventId.Id == 1009, "the capture works: every message logs a Debug 'Handled' entry");
        logs.Entries.Should().Contain(e => e.EventId.Id == 2001, "the capture works: refused bodies are logged");
        logs.AllText.Should().NotContain(Canary);
    }

    [Fact]
    public async Task A_huge_unknown_type_and_call_id_reach_the_logs_bounded()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<CatchAllHandler>(), logs: logs);
        var hugeType = "x." + string.Concat(Enumerable.Repeat("event-", 2000));
        var hugeCallId = string.Concat(Enumerable.Repeat("call-", 2000));
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"" + hugeType + "\",\"call\":{\"id\":\"" + hugeCallId + "\"}}}");

        using var response = await host.Client.PostVapiBodyAsync(body);

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
        logs.Entries.Should().NotBeEmpty();
        var leaking = logs.Entries
            .Where(e => e.Text.Contains(hugeType[..200], StringComparison.Ordinal) || e.Text.Contains(hugeCallId[..200], StringComparison.Ordinal))
            .Select(e => $"{e.Category} #{e.EventId.Id} {e.EventId.Name} ({e.Text.Length} chars)")
            .Distinct();
        leaking.Should().BeEmpty("values from the request are bounded before they reach logs or log scopes");
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VapiWebhooksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static (byte[] Body, string CallId, string Type) Post(ServerMessage message)
        => (VapiJson.SerializeEnvelope(message), message.CallId!, message.Type);

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }

    [Fact]
    public async Task Middleware_reads_the_parsed_message_from_the_request_features_after_the_endpoint()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await VapiTestHost.StartAsync(
            vapi => FixtureEndToEndTests.AddRecording(vapi),
            map: app =>
            {
                app.Use(async (context, next) =>
                {
                    await next(context);
                    var feature = context.Features.Get<global::VapiWebhooks.AspNetCore.IVapiMessageFeature>();
                    seen.TrySetResult(feature is null ? "none" : $"{feature.Message.Type} {feature.Message.CallId}");
                });
                app.MapVapiWebhooks();
            });

        var message = VapiTestMessages.StatusUpdate(CallStatus.Ringing);
        using var response = await host.Client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);

        // The client may see the response before the middleware's code after next() has run.
        (await seen.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be($"status-update {message.CallId}");
    }
}
