using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>A handler body that never finishes on its own (it ignores its token) and reports what happened to it.</summary>
public sealed class Hang
{
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Started { get; } = NewSignal();

    public TaskCompletionSource Cancelled { get; } = NewSignal();

    /// <summary>Lets abandoned handlers finish when the test is over.</summary>
    public TaskCompletionSource Release { get; } = NewSignal();

    public async Task<T> ForeverAsync<T>(T value, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
        await Release.Task;
        return value;
    }
}

public sealed class HangingHandler(Hang hang) :
    IAssistantRequestHandler,
    ICallEndpointingRequestHandler,
    IKnowledgeBaseRequestHandler,
    IServerMessageHandler<StatusUpdateMessage>
{
    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        => hang.ForeverAsync(AssistantRequestResponse.ForAssistantId("asst-late"), cancellationToken);

    public Task<CallEndpointingResponse> HandleAsync(CallEndpointingRequestMessage message, CancellationToken cancellationToken)
        => hang.ForeverAsync(CallEndpointingResponse.FromSeconds(9), cancellationToken);

    public Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken)
        => hang.ForeverAsync(KnowledgeBaseResponse.Say("late"), cancellationToken);

    public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
        => hang.ForeverAsync(true, cancellationToken);
}

/// <summary>A scoped service that knows when its scope was disposed.</summary>
public sealed class DisposableProbe : IDisposable
{
    private int _disposed;

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    public void Dispose() => Interlocked.Exchange(ref _disposed, 1);
}

public sealed class HangingToolCallsHandler(Hang hang) : IToolCallsHandler
{
    public Task<ToolCallsResponse> HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken)
        => hang.ForeverAsync(ToolCallsResponse.From(), cancellationToken);
}

/// <summary>A catch-all observer that never finishes on its own.</summary>
public sealed class HangingCatchAll(Hang hang) : IServerMessageHandler<ServerMessage>
{
    public Task HandleAsync(ServerMessage message, CancellationToken cancellationToken) => hang.ForeverAsync(true, cancellationToken);
}

/// <summary>Deadlines on a <see cref="ManualTimeProvider"/>: nothing here waits for real seconds.</summary>
public class DeadlineTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_hanging_assistant_request_handler_gets_the_fallback_assistant_at_its_budget_and_its_token_is_cancelled()
    {
        await using var run = await HangingRunAsync(o => o.FallbackAssistantId = "asst-fallback");

        using var response = await run.PostAndExpireAsync(VapiTestMessages.AssistantRequest(), TimeSpan.FromSeconds(6));

        (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be("asst-fallback");
        await run.Hang.Cancelled.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_hanging_assistant_request_handler_without_fallback_gets_500_deadline_exceeded()
    {
        await using var run = await HangingRunAsync();

        using var response = await run.PostAndExpireAsync(VapiTestMessages.AssistantRequest(), TimeSpan.FromSeconds(6));

        (await response.ReadProblemAsync(HttpStatusCode.InternalServerError)).Reason.Should().Be(ProblemReason.DeadlineExceeded);
    }

    [Fact]
    public async Task A_hanging_endpointing_handler_gets_the_configured_default_at_the_default_budget()
    {
        await using var run = await HangingRunAsync(o => o.FallbackEndpointingTimeoutSeconds = 2.5);

        using var response = await run.PostAndExpireAsync(VapiTestMessages.CallEndpointingRequest(), TimeSpan.FromSeconds(18));

        (await response.ReadVapiReplyAsync<CallEndpointingResponse>()).TimeoutSeconds.Should().Be(2.5);
        await run.Hang.Cancelled.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_hanging_knowledge_base_handler_gets_no_documents_at_its_8_second_budget()
    {
        await using var run = await HangingRunAsync();

        using var response = await run.PostAndExpireAsync(VapiTestMessages.KnowledgeBaseRequest(), TimeSpan.FromSeconds(8));

        var reply = await response.ReadJsonAsync();
        reply.GetProperty("documents").GetArrayLength().Should().Be(0);
        reply.TryGetProperty("message", out _).Should().BeFalse();
        await run.Hang.Cancelled.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_hanging_notification_handler_gets_500_deadline_exceeded_at_the_default_budget()
    {
        await using var run = await HangingRunAsync();

        using var response = await run.PostAndExpireAsync(VapiTestMessages.StatusUpdate(Models.CallStatus.Ended), TimeSpan.FromSeconds(18));

        (await response.ReadProblemAsync(HttpStatusCode.InternalServerError)).Reason.Should().Be(ProblemReason.DeadlineExceeded);
        await run.Hang.Cancelled.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_per_type_budget_from_configuration_replaces_the_default()
    {
        await using var run = await HangingRunAsync(
            o => o.FallbackEndpointingTimeoutSeconds = 0.75,
            new Dictionary<string, string?> { ["Vapi:Webhooks:Deadlines:PerType:call.endpointing.request"] = "00:00:03" });

        using var response = await run.PostAndExpireAsync(VapiTestMessages.CallEndpointingRequest(), TimeSpan.FromSeconds(3));

        (await response.ReadVapiReplyAsync<CallEndpointingResponse>()).TimeoutSeconds.Should().Be(0.75);
    }

    [Fact]
    public async Task A_hanging_tool_gets_a_did_not_finish_in_time_error_at_its_default_budget()
    {
        await using var run = await HangingRunAsync(tools: true);
        var message = VapiTestMessages.ToolCalls(new TestToolCall("slow_lookup", Id: "call_slow"));

        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(18));

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call_slow");
        result.Name.Should().Be("slow_lookup");
        result.Error.Should().Contain("did not finish in time");
        await run.Hang.Cancelled.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_tool_timeout_of_4_seconds_gives_a_2_second_budget()
    {
        await using var run = await HangingRunAsync(tools: true);
        var message = VapiTestMessages.ToolCalls(new TestToolCall("slow_lookup", TimeoutSeconds: 4, Id: "call_slow"));

        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(2));

        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Error.Should().Contain("did not finish in time");
    }

    [Fact]
    public async Task A_slow_tool_does_not_hold_back_a_fast_one_past_its_own_budget()
    {
        await using var run = await HangingRunAsync(tools: true);
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("slow_lookup", TimeoutSeconds: 10, Id: "call_slow"),
            new TestToolCall("quick", Id: "call_quick"));

        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(8), armedTimers: 1);

        var results = await response.ReadToolResultsAsync();
        results.Select(r => r.ToolCallId).Should().Equal("call_slow", "call_quick");
        results[0].Error.Should().Contain("did not finish in time");
        results[1].Result.Should().Be("quick answer");
    }

    [Fact]
    public async Task A_whole_message_tool_handler_must_answer_within_the_tightest_tool_budget()
    {
        await using var run = await HangingRunAsync(vapi: v => v.AddHandler<HangingToolCallsHandler>());
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("check_availability", TimeoutSeconds: 4, Id: "call_1"),
            new TestToolCall("send_sms", TimeoutSeconds: 20, Id: "call_2"));

        // Vapi gives up on this message after 4 s (the tightest tool timeout): the budget is 2 s, not the 18 s default.
        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(2), answerWithin: TimeSpan.FromSeconds(10));

        var results = await response.ReadToolResultsAsync();
        results.Select(r => r.ToolCallId).Should().Equal("call_1", "call_2");
        results.Should().OnlyContain(r => r.Error != null);
    }

    [Fact]
    public async Task An_observer_cannot_hold_a_tool_reply_past_the_tool_budget()
    {
        await using var run = await HangingRunAsync(vapi: v => v
            .AddTool<JsonElement>("quick", (args, ctx, ct) => Task.FromResult<object?>("quick answer"))
            .AddHandler<HangingCatchAll>());
        var message = VapiTestMessages.ToolCalls(new TestToolCall("quick", TimeoutSeconds: 4, Id: "call_quick"));

        // The tool answers at once; the catch-all then hangs. Vapi stops waiting at 4 s, so the reply must be out by the 2 s tool budget.
        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(2), answerWithin: TimeSpan.FromSeconds(10), notBefore: false);

        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Result.Should().Be("quick answer");
    }

    [Theory]
    [InlineData(ServerMessageTypes.CallEndpointingRequest)]
    [InlineData(ServerMessageTypes.StatusUpdate)]
    public async Task With_the_system_clock_the_handler_token_fires_at_the_deadline(string type)
    {
        // The real clock: the budget's CancellationTokenSource and the WaitAsync timeout fall due together and
        // may fire in either order, so try several times.
        const int Attempts = 8;
        var missed = 0;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var host = await VapiTestHost.StartAsync(
                vapi => vapi.AddHandler<HangingHandler>(),
                configuration: new Dictionary<string, string?> { ["Vapi:Webhooks:Deadlines:PerType:" + type] = "00:00:00.100" },
                host: b => b.Services.AddSingleton<Hang>());
            var hang = host.Services.GetRequiredService<Hang>();
            try
            {
                ServerMessage message = type == ServerMessageTypes.StatusUpdate ? VapiTestMessages.StatusUpdate(Models.CallStatus.Ended) : VapiTestMessages.CallEndpointingRequest();
                using var response = await host.Client.PostVapiMessageAsync(message).WaitAsync(Generous);

                ((int)response.StatusCode).Should().BeOneOf(200, 500);
                if (await Task.WhenAny(hang.Cancelled.Task, Task.Delay(TimeSpan.FromSeconds(2))) != hang.Cancelled.Task)
                {
                    missed++;
                }
            }
            finally
            {
                hang.Release.TrySetResult();
            }
        }

        missed.Should().Be(0, "a handler that ran out of its budget must see its token cancelled every time, or it keeps running on a disposed scope");
    }

    [Fact]
    public async Task A_tool_that_outlives_its_deadline_keeps_its_scope_until_it_finishes()
    {
        DisposableProbe? probe = null;
        await using var run = await HangingRunAsync(
            vapi: v => v.AddTool<JsonElement>("slow_lookup", async (args, ctx, ct) =>
            {
                probe = ctx.Services.GetRequiredService<DisposableProbe>();
                return await ctx.Services.GetRequiredService<Hang>().ForeverAsync<object?>("late", ct);
            }),
            services: s => s.AddScoped<DisposableProbe>());
        var message = VapiTestMessages.ToolCalls(new TestToolCall("slow_lookup", TimeoutSeconds: 4, Id: "call_slow"));

        using var response = await run.PostAndExpireAsync(message, TimeSpan.FromSeconds(2));

        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Error.Should().Contain("did not finish in time");
        probe.Should().NotBeNull();
        probe!.IsDisposed.Should().BeFalse("the tool is still running: its scoped services must stay usable until it is done");
        run.Hang.Release.TrySetResult();
        for (var i = 0; i < 200 && !probe.IsDisposed; i++)
        {
            await Task.Delay(50);
        }

        probe.IsDisposed.Should().BeTrue("the scope is disposed once the tool finishes");
    }

    private static async Task<HangingRun> HangingRunAsync(
        Action<VapiWebhookOptions>? options = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        bool tools = false,
        Action<VapiWebhooksBuilder>? vapi = null,
        Action<IServiceCollection>? services = null)
    {
        var clock = new ManualTimeProvider();
        var host = await VapiTestHost.StartAsync(
            builder =>
            {
                if (vapi is not null)
                {
                    vapi(builder);
                }
                else if (tools)
                {
                    builder.AddTool<JsonElement>("slow_lookup", (args, ctx, ct) => ctx.Services.GetRequiredService<Hang>().ForeverAsync<object?>("late", ct));
                    builder.AddTool<JsonElement>("quick", (args, ctx, ct) => Task.FromResult<object?>("quick answer"));
                }
                else
                {
                    builder.AddHandler<HangingHandler>();
                }
            },
            options,
            configuration,
            clock,
            host: b =>
            {
                b.Services.AddSingleton<Hang>();
                services?.Invoke(b.Services);
            });
        return new HangingRun(host, clock, host.Services.GetRequiredService<Hang>());
    }

    private sealed class HangingRun(VapiTestHost host, ManualTimeProvider clock, Hang hang) : IAsyncDisposable
    {
        public Hang Hang => hang;

        /// <summary>
        /// Posts, waits until the handler runs and its budget is armed, shows that the budget has not fired a
        /// moment before it is due, then moves the clock past it and returns the response.
        /// </summary>
        public async Task<HttpResponseMessage> PostAndExpireAsync(ServerMessage message, TimeSpan budget, int armedTimers = 1, TimeSpan? answerWithin = null, bool notBefore = true)
        {
            var baseline = clock.ActiveTimers;
            var pending = host.Client.PostVapiMessageAsync(message);
            await hang.Started.Task.WaitAsync(Generous);
            await clock.WaitForActiveTimersAsync(baseline + armedTimers, Generous);

            clock.Advance(budget - Tick);
            if (notBefore)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                pending.IsCompleted.Should().BeFalse($"the budget of {budget} has not run out yet");
                hang.Cancelled.Task.IsCompleted.Should().BeFalse("the handler's token fires only at the deadline");
            }

            clock.Advance(Tick * 2);
            try
            {
                return await pending.WaitAsync(answerWithin ?? Generous);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"No answer {answerWithin ?? Generous} (real time) after the {budget} budget ran out on the test clock.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            hang.Release.TrySetResult();
            await host.DisposeAsync();
        }
    }
}
