using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.CallControl;
using VapiWebhooks.CallControl.AsyncTools;
using VapiWebhooks.Messages;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;
using VapiWebhooks.Tools;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>
/// Tools the assistant marks <c>async: true</c>: the reply comes at once, the tool runs afterwards, and its result
/// reaches the call through the control URL (the recorder, over real HTTP). Ordering is asserted, not time: each
/// tool waits on a gate the test opens only after the reply has arrived.
/// </summary>
public sealed class AsyncToolTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _toolCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CallControlRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await CallControlRecorder.StartAsync();

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        await _recorder.DisposeAsync();
    }

    [Fact]
    public async Task An_async_delegate_tool_is_answered_before_it_finishes_and_its_result_reaches_the_call_afterwards()
    {
        await using var host = await StartAsync(vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
        {
            await _gate.Task.WaitAsync(ct);
            return $"SMS sent to {args.Phone}.";
        }));
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+14155550123"}""", Id: "call_sms", Async: true)));

        using var response = await host.Client.PostVapiMessageAsync(message);
        var results = await response.ReadToolResultsAsync();

        // The tool is still waiting on the gate: the reply cannot have waited for it.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        results.Should().ContainSingle().Which.Should().Match<VapiWebhooks.Responses.ToolCallResult>(r => r.ToolCallId == "call_sms" && r.Error == null && r.Result == "Started; the result will follow.");
        _recorder.Commands.Should().BeEmpty("the tool has not finished");

        _gate.SetResult();
        var delivered = await _recorder.WaitForCommandAsync();

        delivered.Type.Should().Be("add-message");
        delivered.CallId.Should().Be(message.CallId);
        delivered.Content.Should().Contain("send_confirmation").And.Contain("SMS sent to +14155550123.");
        delivered.Body!.Value.GetProperty("message").GetProperty("role").GetString().Should().Be("system");
        delivered.Body!.Value.GetProperty("triggerResponseEnabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_async_tool_reads_a_part_of_its_message_it_never_read_before_the_reply()
    {
        // The artifact is read lazily from the request's pooled buffer, which is gone once the reply has left: the
        // message handed to the runner must own its bytes.
        await using var host = await StartAsync(vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
        {
            await _gate.Task.WaitAsync(ct);
            return $"Transcript: {context.Message.Artifact!.Transcript}";
        }));
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+14155550123"}""", Id: "call_sms", Async: true)));
        message.Artifact = new Models.Artifact { Transcript = "AI: Shall I text you? User: Yes please." };

        using var response = await host.Client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Error.Should().BeNull();
        using (var later = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)))
        {
            later.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        _gate.SetResult();
        var delivered = await _recorder.WaitForCommandAsync();

        delivered.Content.Should().Contain("Transcript: AI: Shall I text you? User: Yes please.");
    }

    [Fact]
    public async Task An_async_IVapiTool_class_works_the_same_and_a_tool_can_choose_say()
    {
        await using var host = await StartAsync(
            vapi => vapi.AddTool<GatedSmsTool, SmsArgs>("send_confirmation"),
            o => o.AsyncTools.ForTool("send_confirmation", AsyncToolDelivery.Say),
            services => services.AddSingleton(new Gate(_gate.Task)));
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+14155550123"}""", Async: true)));

        using var response = await host.Client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Error.Should().BeNull();
        _recorder.Commands.Should().BeEmpty();

        _gate.SetResult();
        var delivered = await _recorder.WaitForCommandAsync();

        delivered.Type.Should().Be("say");
        delivered.Content.Should().Be("I've texted your confirmation to +14155550123.");
    }

    [Fact]
    public async Task A_failing_async_tool_delivers_its_error_text_the_same_way_and_logs_it()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await StartAsync(
            vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
            {
                await _gate.Task.WaitAsync(ct);
                throw new VapiToolException("The SMS provider refused the number.");
            }),
            logs: logs);
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+1"}""", Async: true)));

        using var response = await host.Client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Single().Error.Should().BeNull("the failure happens after the reply");
        _gate.SetResult();
        var delivered = await _recorder.WaitForCommandAsync();

        delivered.Type.Should().Be("add-message");
        delivered.Content.Should().Contain("failed").And.Contain("The SMS provider refused the number.");
        logs.Entries.Should().Contain(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains("send_confirmation", StringComparison.Ordinal));
        await WaitForLogAsync(logs, "failed, delivered as add-message: sent");
    }

    [Fact]
    public async Task An_async_tool_that_outlives_its_budget_is_cancelled_and_the_call_told()
    {
        await using var host = await StartAsync(
            vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
            {
                try
                {
                    await _gate.Task.WaitAsync(ct); // never opened
                }
                catch (OperationCanceledException)
                {
                    _toolCancelled.TrySetResult(true);
                    throw;
                }

                return "unreachable";
            }),
            o => o.AsyncTools.Budget = TimeSpan.FromMilliseconds(200));
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+1"}""", Async: true)));

        using var response = await host.Client.PostVapiMessageAsync(message);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivered = await _recorder.WaitForCommandAsync();

        (await _toolCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the tool's token fired");
        delivered.Type.Should().Be("add-message");
        delivered.Content.Should().Contain("did not finish in time");
    }

    [Fact]
    public async Task The_result_of_a_call_that_ended_meanwhile_is_dropped_with_a_log_line()
    {
        var logs = new CapturingLoggerProvider();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(
            vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
            {
                await _gate.Task.WaitAsync(ct);
                finished.SetResult();
                return "SMS sent.";
            }),
            logs: logs);
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+1"}""", Async: true)));
        using (var response = await host.Client.PostVapiMessageAsync(message))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var report = VapiTestMessages.ForCall(VapiTestMessages.EndOfCallReport(), message.Call!);
        using (var response = await host.Client.PostVapiMessageAsync(report))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        _gate.SetResult();
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForLogAsync(logs, "result dropped");

        _recorder.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Stopping_the_host_cancels_running_async_tools_and_sends_nothing()
    {
        var logs = new CapturingLoggerProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(
            vapi => vapi.AddTool<SmsArgs>("send_confirmation", async (args, context, ct) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    _toolCancelled.TrySetResult(true);
                    throw;
                }

                return "unreachable";
            }),
            logs: logs);
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+1"}""", Async: true)));
        using (var response = await host.Client.PostVapiMessageAsync(message))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await host.App.StopAsync(stop.Token);
        }

        _toolCancelled.Task.IsCompletedSuccessfully.Should().BeTrue("StopAsync waits for the cancelled tools");
        logs.Entries.Should().Contain(e => e.Text.Contains("shutting down", StringComparison.Ordinal));
        _recorder.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Sync_tools_and_async_tools_without_a_control_url_still_answer_inside_the_request()
    {
        await using var host = await StartAsync(vapi => vapi.AddTool<SmsArgs>("send_confirmation", (args, context) => $"sent to {args.Phone}"));
        var sync = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+1"}""")));
        var noUrl = VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", """{"phone":"+2"}""", Async: true));
        noUrl.Call!.Monitor = null;

        using var first = await host.Client.PostVapiMessageAsync(sync);
        using var second = await host.Client.PostVapiMessageAsync(noUrl);

        (await first.ReadToolResultsAsync()).Single().Result.Should().Be("sent to +1");
        (await second.ReadToolResultsAsync()).Single().Result.Should().Be("sent to +2");
        _recorder.Requests.Should().Be(0);
    }

    private static Task<VapiTestHost> StartAsync(
        Action<VapiWebhooksBuilder> tools,
        Action<VapiCallControlOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        CapturingLoggerProvider? logs = null) =>
        VapiTestHost.StartAsync(
            vapi =>
            {
                vapi.AddCallControl(o =>
                {
                    o.AllowLoopback = true;
                    o.RetryDelay = TimeSpan.FromMilliseconds(1);
                    configure?.Invoke(o);
                });
                tools(vapi);
                services?.Invoke(vapi.Services);
            },
            logs: logs);

    private static async Task WaitForLogAsync(CapturingLoggerProvider logs, string text)
    {
        // Bounded poll: the runner logs on its own task after the tool returns.
        for (var i = 0; i < 200; i++)
        {
            if (logs.Entries.Any(e => e.Text.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No log line with '{text}'.");
    }

    public sealed record SmsArgs(string Phone);

    public sealed record Gate(Task Opened);

    public sealed class GatedSmsTool(Gate gate) : IVapiTool<SmsArgs>
    {
        public async Task<object?> InvokeAsync(SmsArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
        {
            await gate.Opened.WaitAsync(cancellationToken);
            return $"I've texted your confirmation to {arguments.Phone}.";
        }
    }
}
