using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Routes a <see cref="ServerMessage"/> to its handler and produces the reply, within the deadline Vapi
/// applies. Host-agnostic: the ASP.NET Core endpoint adapts HTTP to it, and a queue consumer or an Azure
/// Function can call it directly with a DI scope of its own.
/// </summary>
/// <remarks>
/// This file routes and falls back; the other concerns live beside it: <see cref="ToolRunner"/> runs tools,
/// <see cref="NotificationHandlerRunner"/> runs notification handlers, <see cref="HandlerBudgets"/> and
/// <see cref="BudgetedRun"/> keep deadlines, <see cref="MessageTelemetry"/> records spans, metrics and logs.
/// </remarks>
public sealed class VapiMessageDispatcher
{
    private readonly IOptionsMonitor<VapiWebhookOptions> _options;
    private readonly DispatchTelemetry _telemetry;
    private readonly ToolRunner _tools;
    private readonly NotificationHandlerRunner _notificationHandlers;

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
        _options = options;
        _telemetry = new DispatchTelemetry(logger, new VapiWebhooksMetrics(meterFactory), timeProvider ?? TimeProvider.System);
        _tools = new ToolRunner(new ToolCatalog(tools), options, _telemetry);
        _notificationHandlers = new NotificationHandlerRunner(options, _telemetry);
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
        using var telemetry = _telemetry.Start(message);
        var result = await RouteAsync(message, services, telemetry.Started, cancellationToken).ConfigureAwait(false);
        telemetry.Complete(result.Outcome, result.IsProblem ? result.ProblemTitle : null);
        return result;
    }

    /// <summary>
    /// Runs the <see cref="IVoiceRequestHandler"/> for a <c>voice-request</c>, with the same span, metrics and
    /// logs as <see cref="DispatchAsync"/>. The host owns the response: it decides what a failure means
    /// before and after the first byte, so handler exceptions propagate. Call
    /// <see cref="RunNotificationHandlersAsync"/> once the audio has been sent.
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
        using var telemetry = _telemetry.Start(message);
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
    /// Runs the notification handlers (<see cref="IServerMessageHandler{TMessage}"/>) registered for
    /// <paramref name="message"/>'s type and the catch-all ones, within the message type's budget; failures are
    /// logged, not thrown. <see cref="DispatchAsync"/> does this itself; hosts call it after streaming a voice reply.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="services">The DI scope of this request.</param>
    /// <param name="cancellationToken">Fires when the host shuts the request down.</param>
    /// <returns>A task that completes when the handlers are done.</returns>
    public Task RunNotificationHandlersAsync(ServerMessage message, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(services);
        return _notificationHandlers.RunAfterReplyAsync(message, services, HandlerBudgets.ForMessage(message.Type, _options.CurrentValue), cancellationToken);
    }

    private async Task<VapiDispatchResult> RouteAsync(ServerMessage message, IServiceProvider services, long started, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;

        // Read once: the tool calls drive both the tools' budgets and the notification handlers' budget below.
        var toolCalls = message is ToolCallsMessage toolCallsMessage ? ToolInvocation.ListFrom(toolCallsMessage) : null;
        var result = message switch
        {
            AssistantRequestMessage m => await RequestAsync<IAssistantRequestHandler, AssistantRequestMessage, AssistantRequestResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), _ => AssistantFallback(options), cancellationToken).ConfigureAwait(false),
            ToolCallsMessage m when services.GetService<IToolCallsHandler>() is not null => await RequestAsync<IToolCallsHandler, ToolCallsMessage, ToolCallsResponse>(
                m, services, static (h, m, ct) => h.HandleAsync(m, ct), outcome => ToolRunner.FailAll(toolCalls!, outcome), cancellationToken,
                budget: HandlerBudgets.ForToolCalls(toolCalls!, options)).ConfigureAwait(false), // The whole-message handler must answer before the tightest tool deadline.
            ToolCallsMessage m => await _tools.RunAsync(m, toolCalls!, services, cancellationToken).ConfigureAwait(false),
            FunctionCallMessage m => await _tools.RunAsync(m, services, cancellationToken).ConfigureAwait(false),
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
            // A notification: its handlers decide the answer.
            return await _notificationHandlers.AnswerAsync(message, services, cancellationToken).ConfigureAwait(false);
        }

        // Notification handlers of request types run after the reply is ready and only within what is left of the
        // budget (for tools, the tightest tool's), so they can never make the reply late.
        var budget = toolCalls is null ? HandlerBudgets.ForMessage(message.Type, options) : HandlerBudgets.ForToolCalls(toolCalls, options);
        var left = budget - _telemetry.Time.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await _notificationHandlers.RunAfterReplyAsync(message, services, left, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    // Runs the one handler of a request type within its budget; no handler, a timeout or an exception gets
    // the type's safe fallback reply, or a problem when the type has none.
    private async Task<VapiDispatchResult> RequestAsync<THandler, TMessage, TReply>(
        TMessage message,
        IServiceProvider services,
        Func<THandler, TMessage, CancellationToken, Task<TReply>> invoke,
        Func<VapiDispatchOutcome, TReply?> fallback,
        CancellationToken cancellationToken,
        TimeSpan? budget = null)
        where THandler : class
        where TMessage : ServerMessage
        where TReply : class
    {
        var logger = _telemetry.Logger;
        var type = RequestText.Truncate(message.Type);
        var callId = RequestText.Truncate(message.CallId);
        var handler = services.GetService<THandler>();
        if (handler is null)
        {
            var result = Fallback(fallback(VapiDispatchOutcome.NoHandler), VapiDispatchOutcome.NoHandler, 501, "No handler", $"No handler is registered for '{message.Type}'.");
            Log.NoHandler(logger, type, callId, result.StatusCode, Describe(result));
            return result;
        }

        var limit = budget ?? HandlerBudgets.ForMessage(message.Type, _options.CurrentValue);
        var run = await BudgetedRun.RunAsync(ct => invoke(handler, message, ct), message, limit, _telemetry.Time, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case BudgetedRunStatus.Completed when run.Value is not null:
                return VapiDispatchResult.Replied(run.Value);
            case BudgetedRunStatus.DeadlineExceeded:
                {
                    _telemetry.DeadlineExceeded(message);
                    var result = Fallback(fallback(VapiDispatchOutcome.DeadlineExceeded), VapiDispatchOutcome.DeadlineExceeded, 500, "Deadline exceeded", $"The handler for '{message.Type}' did not answer within its budget.");
                    Log.DeadlineExceeded(logger, type, callId, limit.TotalMilliseconds, result.StatusCode, Describe(result));
                    return result;
                }

            default:
                {
                    var exception = run.Exception ?? new InvalidOperationException($"The handler for '{message.Type}' returned null.");
                    var result = Fallback(fallback(VapiDispatchOutcome.HandlerFailed), VapiDispatchOutcome.HandlerFailed, 500, "Handler failed", $"The handler for '{message.Type}' failed.");
                    Log.HandlerFailed(logger, exception, type, callId, result.StatusCode, Describe(result));
                    return result;
                }
        }
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

    private static string Describe(VapiDispatchResult result)
        => result.Reply is { } reply ? "fallback " + reply.GetType().Name : "problem";
}
