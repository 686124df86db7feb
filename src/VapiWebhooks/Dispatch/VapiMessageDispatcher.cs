using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Encryption;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Routes a <see cref="ServerMessage"/> to its handler and produces the reply, within the deadline Vapi
/// applies. Host-agnostic: the ASP.NET Core endpoint adapts HTTP to it, and a queue consumer or an Azure
/// Function can call it directly with a DI scope of its own.
/// </summary>
public sealed class VapiMessageDispatcher
{
    // Hostile or buggy senders could invent types without end: remember a bounded number for the
    // log-once-per-type rule, then keep quiet.
    private const int MaxRememberedUnknownTypes = 256;
    private const int MaxEchoedNameLength = 64;

    private readonly ToolCatalog _tools;
    private readonly IOptionsMonitor<VapiWebhookOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly VapiWebhooksMetrics _metrics;
    private readonly ConcurrentDictionary<string, byte> _loggedUnknownTypes = new(StringComparer.Ordinal);

    /// <summary>Creates a dispatcher; normally resolved from DI after <c>AddVapiWebhooks</c>.</summary>
    /// <param name="tools">The registered tools.</param>
    /// <param name="options">The webhook options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock for deadlines (tests pass a manual one).</param>
    /// <param name="meterFactory">Creates the meter; a standalone meter when null.</param>
    public VapiMessageDispatcher(
        IEnumerable<VapiToolRegistration> tools,
        IOptionsMonitor<VapiWebhookOptions> options,
        ILogger<VapiMessageDispatcher> logger,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _tools = new ToolCatalog(tools);
        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new VapiWebhooksMetrics(meterFactory);
    }

    /// <summary>Handles a message and says what to answer.</summary>
    /// <param name="message">The message.</param>
    /// <param name="services">The DI scope of this request; handlers are resolved from it.</param>
    /// <param name="cancellationToken">Fires when Vapi goes away.</param>
    /// <returns>The status code and reply.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<VapiDispatchResult> DispatchAsync(ServerMessage message, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(services);
        using var telemetry = StartTelemetry(message);
        var result = await RouteAsync(message, services, telemetry.Started, cancellationToken).ConfigureAwait(false);
        telemetry.Complete(result.Outcome, result.IsProblem ? result.ProblemTitle : null);
        return result;
    }

    /// <summary>
    /// Runs the <see cref="IVoiceRequestHandler"/> for a <c>voice-request</c>, with the same span, metrics and
    /// logs as <see cref="DispatchAsync"/>. The host owns the response: it decides what a failure means
    /// before and after the first byte, so handler exceptions propagate. Call
    /// <see cref="NotifyObserversAsync"/> once the audio has been sent.
    /// </summary>
    /// <param name="message">The voice request.</param>
    /// <param name="audio">Where the PCM goes.</param>
    /// <param name="services">The DI scope of this request.</param>
    /// <param name="cancellationToken">Fires when the caller interrupts (Vapi drops the connection).</param>
    /// <returns><see cref="VapiDispatchOutcome.Replied"/>, or <see cref="VapiDispatchOutcome.NoHandler"/> when no handler is registered.</returns>
    public async Task<VapiDispatchOutcome> DispatchVoiceAsync(VoiceRequestMessage message, VoiceResponseWriter audio, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(services);
        using var telemetry = StartTelemetry(message);
        var handler = services.GetService<IVoiceRequestHandler>();
        if (handler is null)
        {
            telemetry.Complete(VapiDispatchOutcome.NoHandler, "No handler");
            return VapiDispatchOutcome.NoHandler;
        }

        try
        {
            await handler.HandleAsync(message, audio, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry.Complete(VapiDispatchOutcome.HandlerFailed, "Handler failed");
            throw;
        }

        telemetry.Complete(VapiDispatchOutcome.Replied, null);
        return VapiDispatchOutcome.Replied;
    }

    /// <summary>
    /// Runs the notification handlers registered for <paramref name="message"/>'s type and the catch-all
    /// handlers, within the default budget; failures are logged, not thrown. <see cref="DispatchAsync"/> does
    /// this itself; hosts call it after streaming a voice reply.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="services">The DI scope of this request.</param>
    /// <param name="cancellationToken">Fires when the host shuts the request down.</param>
    /// <returns>A task that completes when the observers are done.</returns>
    public Task NotifyObserversAsync(ServerMessage message, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(services);
        return ObserveAsync(message, services, BudgetFor(message.Type, _options.CurrentValue), cancellationToken);
    }

    private MessageTelemetry StartTelemetry(ServerMessage message) => new(this, message);

    private async Task<VapiDispatchResult> RouteAsync(ServerMessage message, IServiceProvider services, long started, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;

        // Planned once: the tool calls drive both the tools' budgets and the observers' budget below.
        var toolCalls = message is ToolCallsMessage toolCallsMessage ? ToolCallPlan.From(toolCallsMessage) : null;
        var result = message switch
        {
            AssistantRequestMessage m => await RequestAsync<IAssistantRequestHandler, AssistantRequestMessage, AssistantRequestResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), _ => AssistantFallback(options), cancellationToken).ConfigureAwait(false),
            ToolCallsMessage m => await ToolCallsAsync(m, toolCalls!, options, services, cancellationToken).ConfigureAwait(false),
            FunctionCallMessage m => await FunctionCallAsync(m, services, cancellationToken).ConfigureAwait(false),
            TransferDestinationRequestMessage m => await RequestAsync<ITransferDestinationRequestHandler, TransferDestinationRequestMessage, TransferDestinationResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), static _ => TransferDestinationResponse.Refuse("No transfer destination is available right now."), cancellationToken).ConfigureAwait(false),
            HandoffDestinationRequestMessage m => await RequestAsync<IHandoffDestinationRequestHandler, HandoffDestinationRequestMessage, HandoffDestinationResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), static _ => HandoffDestinationResponse.LetVapiDecide(), cancellationToken).ConfigureAwait(false),
            KnowledgeBaseRequestMessage m => await RequestAsync<IKnowledgeBaseRequestHandler, KnowledgeBaseRequestMessage, KnowledgeBaseResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), static _ => KnowledgeBaseResponse.Empty(), cancellationToken).ConfigureAwait(false),
            CallEndpointingRequestMessage m => await RequestAsync<ICallEndpointingRequestHandler, CallEndpointingRequestMessage, CallEndpointingResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), _ => CallEndpointingResponse.FromSeconds(options.FallbackEndpointingTimeoutSeconds), cancellationToken).ConfigureAwait(false),
            CampaignPredialMessage m => await RequestAsync<ICampaignPredialHandler, CampaignPredialMessage, CampaignPredialResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), static _ => CampaignPredialResponse.Skip(), cancellationToken).ConfigureAwait(false),
            VoiceRequestMessage => VapiDispatchResult.Problem(
                501, VapiDispatchOutcome.NoHandler, "Voice requests are streamed", "A voice-request is answered with streamed PCM by the host, not by DispatchAsync."),
            _ => null,
        };

        if (result is null)
        {
            return await NotifyAsync(message, services, cancellationToken).ConfigureAwait(false);
        }

        // Observers of request types run after the reply is ready and only within what is left of the budget
        // (for tools, the tightest tool's), so they can never make the reply late.
        var budget = toolCalls is null ? BudgetFor(message.Type, options) : TightestToolBudget(toolCalls, options);
        var left = budget - _time.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await ObserveAsync(message, services, left, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<VapiDispatchResult> RequestAsync<THandler, TMessage, TReply>(
        TMessage message,
        IServiceProvider services,
        Func<THandler, TMessage, CancellationToken, Task<TReply>> invoke,
        Func<VapiDispatchOutcome, TReply?> fallback,
        CancellationToken cancellationToken,
        TimeSpan? budgetOverride = null)
        where THandler : class
        where TMessage : ServerMessage
        where TReply : class
    {
        var handler = services.GetService<THandler>();
        if (handler is null)
        {
            var result = Fallback(fallback(VapiDispatchOutcome.NoHandler), VapiDispatchOutcome.NoHandler, 501, "No handler", $"No handler is registered for '{message.Type}'.");
            Log.NoHandler(_logger, Echo(message.Type), EchoOrNull(message.CallId), result.StatusCode, Describe(result));
            return result;
        }

        var budget = budgetOverride ?? BudgetFor(message.Type, _options.CurrentValue);
        var run = await RunWithBudgetAsync(ct => invoke(handler, message, ct), budget, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case RunStatus.Completed when run.Value is not null:
                return VapiDispatchResult.Replied(run.Value);
            case RunStatus.DeadlineExceeded:
                {
                    _metrics.DeadlineExceeded.Add(1, new KeyValuePair<string, object?>(VapiWebhooksTelemetry.MessageTypeTag, TypeTag(message)));
                    var result = Fallback(fallback(VapiDispatchOutcome.DeadlineExceeded), VapiDispatchOutcome.DeadlineExceeded, 500, "Deadline exceeded", $"The handler for '{message.Type}' did not answer within its budget.");
                    Log.DeadlineExceeded(_logger, Echo(message.Type), EchoOrNull(message.CallId), budget.TotalMilliseconds, result.StatusCode, Describe(result));
                    return result;
                }

            default:
                {
                    var exception = run.Exception ?? new InvalidOperationException($"The handler for '{message.Type}' returned null.");
                    var result = Fallback(fallback(VapiDispatchOutcome.HandlerFailed), VapiDispatchOutcome.HandlerFailed, 500, "Handler failed", $"The handler for '{message.Type}' failed.");
                    Log.HandlerFailed(_logger, exception, Echo(message.Type), EchoOrNull(message.CallId), result.StatusCode, Describe(result));
                    return result;
                }
        }
    }

    private async Task<VapiDispatchResult> ToolCallsAsync(ToolCallsMessage message, List<ToolCallPlan.Entry> calls, VapiWebhookOptions options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IToolCallsHandler>() is not null)
        {
            // The whole-message handler must answer before the tightest tool deadline.
            return await RequestAsync<IToolCallsHandler, ToolCallsMessage, ToolCallsResponse>(
                message,
                services,
                static (h, m, ct) => h.HandleAsync(m, ct),
                outcome => ToolCallsResponse.From(calls.Select(c => Failed(c, outcome == VapiDispatchOutcome.DeadlineExceeded
                    ? $"The tool '{c.Name}' did not finish in time."
                    : $"The tool '{c.Name}' failed."))),
                cancellationToken,
                TightestToolBudget(calls, options)).ConfigureAwait(false);
        }

        if (_tools.IsEmpty)
        {
            Log.NoHandler(_logger, Echo(message.Type), EchoOrNull(message.CallId), 200, "an error result per tool call");
            return VapiDispatchResult.Replied(
                ToolCallsResponse.From(calls.Select(c => Failed(c, $"No tool named '{Echo(c.Name)}' is registered on this server."))),
                VapiDispatchOutcome.NoHandler);
        }

        if (calls.Count == 1)
        {
            // The common case: nothing to run concurrently with.
            return VapiDispatchResult.Replied(ToolCallsResponse.From([await RunToolAsync(calls[0], message, services, cancellationToken).ConfigureAwait(false)]));
        }

        // Tools run concurrently, each in its own DI scope and with its own deadline; results keep request order.
        var runs = new Task<ToolCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            runs[i] = RunToolAsync(calls[i], message, services, cancellationToken);
        }

        var results = await Task.WhenAll(runs).ConfigureAwait(false);
        return VapiDispatchResult.Replied(ToolCallsResponse.From(results));
    }

    private async Task<VapiDispatchResult> FunctionCallAsync(FunctionCallMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var call = new ToolCallPlan.Entry(string.Empty, message.FunctionCall?.Name ?? string.Empty, message.FunctionCall?.Parameters ?? default, null, null);
        var result = await RunToolAsync(call, message, services, cancellationToken).ConfigureAwait(false);
        return VapiDispatchResult.Replied(FunctionCallResponse.From(result.Error ?? result.Result ?? string.Empty));
    }

    private async Task<ToolCallResult> RunToolAsync(ToolCallPlan.Entry call, ServerMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!_tools.TryGet(call.Name, out var tool))
        {
            Log.UnknownTool(_logger, Echo(call.Name), EchoOrNull(message.CallId));
            return Failed(call, $"No tool named '{Echo(call.Name)}' is registered on this server.");
        }

        // Decrypt, then bind: only tools with encrypted paths pay for the RSA operation.
        var arguments = call.Arguments;
        if (ToolArgumentDecryption.PathsFor(call.Tool, tool) is { } encryptedPaths)
        {
            try
            {
                arguments = ToolArgumentDecryption.Decrypt(arguments, encryptedPaths, services.GetService<VapiFieldDecryptor>() ?? VapiFieldDecryptor.None, tool);
            }
            catch (VapiDecryptionException ex)
            {
                Log.ToolArgumentNotDecrypted(_logger, call.Name, call.Id, EchoOrNull(message.CallId), Echo(ex.Path ?? string.Empty), ex.Failure);
                return Failed(call, $"Invalid arguments for '{call.Name}': {ex.Message}");
            }
        }

        var budget = ToolBudget(call.Tool?.Server?.TimeoutSeconds, _options.CurrentValue.Deadlines);
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        Task? abandoned = null;
        try
        {
            var context = new ToolCallContext(call.Id, call.Name, message, scope.ServiceProvider, call.ToolCall, call.Tool);
            var run = await RunWithBudgetAsync(ct => tool.InvokeAsync(arguments, context, ct), budget, cancellationToken).ConfigureAwait(false);
            switch (run.Status)
            {
                case RunStatus.Completed:
                    return ToResult(tool, run.Value, call, message);
                case RunStatus.DeadlineExceeded:
                    abandoned = run.Abandoned;
                    _metrics.DeadlineExceeded.Add(1, new KeyValuePair<string, object?>(VapiWebhooksTelemetry.MessageTypeTag, TypeTag(message)));
                    Log.ToolDeadlineExceeded(_logger, call.Name, call.Id, EchoOrNull(message.CallId), budget.TotalMilliseconds);
                    return Failed(call, $"The tool '{call.Name}' did not finish in time.");
                default:
                    return FailureFor(run.Exception!, call, message);
            }
        }
        finally
        {
            if (abandoned is null)
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                // A tool that outlived its deadline still uses the scope: dispose it once the tool is done.
                _ = abandoned.ContinueWith(static (_, state) => ((AsyncServiceScope)state!).DisposeAsync().AsTask(), scope, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    private ToolCallResult ToResult(VapiToolRegistration tool, object? value, ToolCallPlan.Entry call, ServerMessage message)
    {
        switch (value)
        {
            case null:
                return Succeeded(call, string.Empty);
            case string text:
                return Succeeded(call, text);
            case ToolCallResult result:
                // The id must repeat the call's exactly or Vapi drops the result: the dispatcher owns it.
                result.ToolCallId = call.Id;
                result.Name = call.Name;
                return result;
            case System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } element:
                return Succeeded(call, element.GetString()!);
            case System.Text.Json.JsonElement element:
                return Succeeded(call, element.GetRawText());
            default:
                try
                {
                    return Succeeded(call, tool.SerializeResult(value));
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    return FailureFor(ex, call, message);
                }
        }
    }

    private ToolCallResult FailureFor(Exception exception, ToolCallPlan.Entry call, ServerMessage message)
    {
        switch (exception)
        {
            case ToolArgumentsException invalid:
                Log.ToolArgumentsInvalid(_logger, call.Name, call.Id, EchoOrNull(message.CallId), invalid.Message);
                return Failed(call, OneLine($"Invalid arguments for '{call.Name}': {invalid.Message}"));
            case VapiToolException spoken:
                Log.ToolFailed(_logger, spoken, call.Name, call.Id, EchoOrNull(message.CallId));
                return Failed(call, OneLine(spoken.Message));
            default:
                // Exception messages may carry internals (connection strings, SQL): the model gets a fixed text.
                Log.ToolFailed(_logger, exception, call.Name, call.Id, EchoOrNull(message.CallId));
                return Failed(call, $"The tool '{call.Name}' failed.");
        }
    }

    private async Task<VapiDispatchResult> NotifyAsync(ServerMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (message is UnknownServerMessage && _loggedUnknownTypes.Count < MaxRememberedUnknownTypes && _loggedUnknownTypes.TryAdd(message.Type, 0))
        {
            Log.UnknownMessageType(_logger, Echo(message.Type));
        }

        var handlers = NotificationRoutes.Resolve(message, services);
        if (handlers is null)
        {
            return VapiDispatchResult.Acknowledged();
        }

        var budget = BudgetFor(message.Type, _options.CurrentValue);
        var run = await RunWithBudgetAsync(ct => RunAllAsync(handlers, ct), budget, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case RunStatus.Completed:
                return VapiDispatchResult.Acknowledged();
            case RunStatus.DeadlineExceeded:
                {
                    _metrics.DeadlineExceeded.Add(1, new KeyValuePair<string, object?>(VapiWebhooksTelemetry.MessageTypeTag, TypeTag(message)));
                    var result = VapiDispatchResult.Problem(500, VapiDispatchOutcome.DeadlineExceeded, "Deadline exceeded", "A handler did not finish within its budget.");
                    Log.DeadlineExceeded(_logger, Echo(message.Type), EchoOrNull(message.CallId), budget.TotalMilliseconds, 500, "problem");
                    return result;
                }

            default:
                {
                    // 500 lets Vapi retry when the assistant's server has a backoff plan.
                    Log.HandlerFailed(_logger, run.Exception!, Echo(message.Type), EchoOrNull(message.CallId), 500, "problem");
                    return VapiDispatchResult.Problem(500, VapiDispatchOutcome.HandlerFailed, "Handler failed", "A handler failed.");
                }
        }
    }

    private async Task ObserveAsync(ServerMessage message, IServiceProvider services, TimeSpan budget, CancellationToken cancellationToken)
    {
        var observers = NotificationRoutes.Resolve(message, services);
        if (observers is null)
        {
            return;
        }

        var run = await RunWithBudgetAsync(ct => RunAllAsync(observers, ct), budget, cancellationToken).ConfigureAwait(false);
        if (run.Status != RunStatus.Completed)
        {
            Log.CatchAllFailed(_logger, run.Exception ?? new TimeoutException("An observer ran out of the message's budget."), Echo(message.Type), EchoOrNull(message.CallId));
        }
    }

    // Handlers of one message run one after another: they share the request's DI scope, and scoped
    // services such as a DbContext are not thread-safe. A failing handler does not stop the others.
    private static async Task<bool> RunAllAsync(List<Func<CancellationToken, Task>> handlers, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        foreach (var handler in handlers)
        {
            try
            {
                await handler(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        return failures switch
        {
            null => true,
            [var single] => throw single,
            _ => throw new AggregateException(failures),
        };
    }

    private async Task<BudgetedRun<T>> RunWithBudgetAsync<T>(Func<CancellationToken, Task<T>> work, TimeSpan budget, CancellationToken requestAborted)
    {
        // One timer per run: the budget token both cancels the handler and ends the wait below. On the system
        // clock a single linked source carries both the budget and the hang-up; a test clock needs its own timer.
        using var budgetSource = ReferenceEquals(_time, TimeProvider.System) ? null : new CancellationTokenSource(budget, _time);
        using var linked = budgetSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(requestAborted)
            : CancellationTokenSource.CreateLinkedTokenSource(budgetSource.Token, requestAborted);
        if (budgetSource is null)
        {
            linked.CancelAfter(budget);
        }

        Task<T> task;
        try
        {
            task = work(linked.Token);
        }
        catch (Exception ex)
        {
            return BudgetedRun<T>.Failed(ex);
        }

        try
        {
            // WaitAsync answers when the budget runs out even if the handler ignores its token; a handler that
            // finished synchronously needs no waiting.
            var value = task.IsCompleted ? await task.ConfigureAwait(false) : await task.WaitAsync(linked.Token).ConfigureAwait(false);
            return BudgetedRun<T>.Completed(value);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            ObserveLater(task);
            throw;
        }
        catch (OperationCanceledException) when (budgetSource?.IsCancellationRequested ?? linked.IsCancellationRequested)
        {
            ObserveLater(task);
            return BudgetedRun<T>.DeadlineExceeded(task.IsCompleted ? null : task);
        }
        catch (Exception ex)
        {
            return BudgetedRun<T>.Failed(ex);
        }
    }

    // A handler abandoned at its deadline may still fail later: observe it so it is not an unobserved exception.
    private static void ObserveLater(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    internal static TimeSpan BudgetFor(string type, VapiWebhookOptions options)
    {
        var deadlines = options.Deadlines;
        if (deadlines.PerType is { } perType && perType.TryGetValue(type, out var specific))
        {
            return specific;
        }

        return type switch
        {
            ServerMessageTypes.AssistantRequest => deadlines.AssistantRequest,
            ServerMessageTypes.KnowledgeBaseRequest => deadlines.KnowledgeBaseRequest,
            _ => deadlines.Default,
        };
    }

    private static TimeSpan TightestToolBudget(List<ToolCallPlan.Entry> calls, VapiWebhookOptions options)
    {
        var deadlines = options.Deadlines;
        var tightest = calls.Count == 0 ? ToolBudget(null, deadlines) : TimeSpan.MaxValue;
        foreach (var call in calls)
        {
            var budget = ToolBudget(call.Tool?.Server?.TimeoutSeconds, deadlines);
            tightest = budget < tightest ? budget : tightest;
        }

        return tightest;
    }

    internal static TimeSpan ToolBudget(double? timeoutSeconds, VapiDeadlineOptions deadlines)
    {
        // Vapi's default tool timeout is 20 s; the budget keeps a margin, but never less than half the timeout.
        var timeout = TimeSpan.FromSeconds(timeoutSeconds is > 0 and <= 300 ? timeoutSeconds.Value : 20);
        var withMargin = timeout - deadlines.ToolSafetyMargin;
        var half = timeout / 2;
        return withMargin > half ? withMargin : half;
    }

    private static VapiDispatchResult Fallback<TReply>(TReply? reply, VapiDispatchOutcome outcome, int statusWithout, string title, string detail)
        where TReply : class
        => reply is null ? VapiDispatchResult.Problem(statusWithout, outcome, title, detail) : VapiDispatchResult.Replied(reply, outcome);

    private static AssistantRequestResponse? AssistantFallback(VapiWebhookOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.FallbackAssistantId))
        {
            return AssistantRequestResponse.ForAssistantId(options.FallbackAssistantId);
        }

        return string.IsNullOrWhiteSpace(options.FallbackAssistantErrorMessage) ? null : AssistantRequestResponse.Reject(options.FallbackAssistantErrorMessage);
    }

    // Not the public factories: those insist on an id, and the legacy function-call (or a malformed call) has none.
    private static ToolCallResult Succeeded(ToolCallPlan.Entry call, string result) => new() { ToolCallId = call.Id, Name = call.Name, Result = result };

    private static ToolCallResult Failed(ToolCallPlan.Entry call, string error) => new() { ToolCallId = call.Id, Name = call.Name, Error = error };

    private static string Describe(VapiDispatchResult result)
        => result.Reply is { } reply ? "fallback " + reply.GetType().Name : "problem";

    private static string TypeTag(ServerMessage message) => message is UnknownServerMessage ? "unknown" : message.Type;

    private static string OutcomeTag(VapiDispatchOutcome outcome) => outcome switch
    {
        VapiDispatchOutcome.Replied => "replied",
        VapiDispatchOutcome.Acknowledged => "acknowledged",
        VapiDispatchOutcome.NoHandler => "no_handler",
        VapiDispatchOutcome.DeadlineExceeded => "deadline_exceeded",
        _ => "handler_failed",
    };

    // Names come from the request: bound their length before they reach logs or replies.
    private static string Echo(string value) => value.Length <= MaxEchoedNameLength ? value : value[..MaxEchoedNameLength] + "…";

    private static string? EchoOrNull(string? value) => value is null ? null : Echo(value);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>The span, log scope, metrics and "Handled" log line of one message.</summary>
    private sealed class MessageTelemetry : IDisposable
    {
        private readonly VapiMessageDispatcher _owner;
        private readonly ServerMessage _message;
        private readonly string _typeTag;
        private readonly Activity? _activity;
        private readonly IDisposable? _scope;

        public MessageTelemetry(VapiMessageDispatcher owner, ServerMessage message)
        {
            _owner = owner;
            _message = message;
            _typeTag = TypeTag(message);
            Started = owner._time.GetTimestamp();
            var callId = EchoOrNull(message.CallId);
            _activity = VapiWebhooksTelemetry.ActivitySource.StartActivity("vapi " + _typeTag, ActivityKind.Internal);
            _activity?.SetTag(VapiWebhooksTelemetry.MessageTypeTag, _typeTag);
            _activity?.SetTag(VapiWebhooksTelemetry.CallIdTag, callId);
            _scope = owner._logger.BeginScope(new MessageLogScope(Echo(message.Type), callId));
        }

        public long Started { get; }

        public void Complete(VapiDispatchOutcome outcome, string? errorTitle)
        {
            var elapsed = _owner._time.GetElapsedTime(Started);
            var outcomeTag = OutcomeTag(outcome);
            var tags = new TagList { { VapiWebhooksTelemetry.MessageTypeTag, _typeTag }, { VapiWebhooksTelemetry.OutcomeTag, outcomeTag } };
            _owner._metrics.Messages.Add(1, tags);
            _owner._metrics.HandlerDuration.Record(elapsed.TotalSeconds, tags);
            _activity?.SetTag(VapiWebhooksTelemetry.OutcomeTag, outcomeTag);
            if (errorTitle is not null)
            {
                _activity?.SetStatus(ActivityStatusCode.Error, errorTitle);
            }

            Log.Handled(_owner._logger, Echo(_message.Type), EchoOrNull(_message.CallId), outcomeTag, elapsed.TotalMilliseconds);
        }

        public void Dispose()
        {
            _scope?.Dispose();
            _activity?.Dispose();
        }
    }

    private enum RunStatus
    {
        Completed,
        DeadlineExceeded,
        Failed,
    }

    private readonly record struct BudgetedRun<T>(RunStatus Status, T? Value, Exception? Exception, Task? Abandoned)
    {
        public static BudgetedRun<T> Completed(T value) => new(RunStatus.Completed, value, null, null);

        public static BudgetedRun<T> DeadlineExceeded(Task? abandoned) => new(RunStatus.DeadlineExceeded, default, null, abandoned);

        public static BudgetedRun<T> Failed(Exception exception) => new(RunStatus.Failed, default, exception, null);
    }
}
