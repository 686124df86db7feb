using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Runs a message's notification handlers (<see cref="Handlers.IServerMessageHandler{TMessage}"/>: those of its type,
/// then the catch-alls). For a notification they decide the answer; for a request they run once the reply is
/// ready, within what is left of its budget, and cannot change it.
/// </summary>
internal sealed class NotificationHandlerRunner(IOptionsMonitor<VapiWebhookOptions> options, DispatchTelemetry telemetry)
{
    // Hostile or buggy senders could invent types without end: remember a bounded number for the
    // log-once-per-type rule, then keep quiet.
    private const int MaxRememberedUnknownTypes = 256;

    private readonly ConcurrentDictionary<string, byte> _loggedUnknownTypes = new(StringComparer.Ordinal);

    /// <summary>Handles a notification: <c>{}</c> when every handler finished, else a 500 so that Vapi may retry.</summary>
    public async Task<VapiDispatchResult> AnswerAsync(ServerMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (message is UnknownServerMessage && _loggedUnknownTypes.Count < MaxRememberedUnknownTypes && _loggedUnknownTypes.TryAdd(message.Type, 0))
        {
            Log.UnknownMessageType(telemetry.Logger, RequestText.Truncate(message.Type));
        }

        var handlers = NotificationRoutes.Resolve(message, services);
        if (handlers is null)
        {
            return VapiDispatchResult.Acknowledged();
        }

        var budget = HandlerBudgets.ForMessage(message.Type, options.CurrentValue);
        var run = await BudgetedRun.RunAsync(ct => RunInOrderAsync(handlers, ct), message, budget, telemetry.Time, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case BudgetedRunStatus.Completed:
                return VapiDispatchResult.Acknowledged();
            case BudgetedRunStatus.DeadlineExceeded:
                telemetry.DeadlineExceeded(message);
                Log.DeadlineExceeded(telemetry.Logger, RequestText.Truncate(message.Type), RequestText.Truncate(message.CallId), budget.TotalMilliseconds, 500, "problem");
                return VapiDispatchResult.Problem(500, VapiDispatchOutcome.DeadlineExceeded, "Deadline exceeded", "A handler did not finish within its budget.");
            default:
                // 500 lets Vapi retry when the assistant's server has a backoff plan.
                Log.HandlerFailed(telemetry.Logger, run.Exception!, RequestText.Truncate(message.Type), RequestText.Truncate(message.CallId), 500, "problem");
                return VapiDispatchResult.Problem(500, VapiDispatchOutcome.HandlerFailed, "Handler failed", "A handler failed.");
        }
    }

    /// <summary>Runs the handlers of a message that is already answered; a failure or a timeout is only logged.</summary>
    public async Task RunAfterReplyAsync(ServerMessage message, IServiceProvider services, TimeSpan budget, CancellationToken cancellationToken)
    {
        var handlers = NotificationRoutes.Resolve(message, services);
        if (handlers is null)
        {
            return;
        }

        var run = await BudgetedRun.RunAsync(ct => RunInOrderAsync(handlers, ct), message, budget, telemetry.Time, cancellationToken).ConfigureAwait(false);
        if (run.Status != BudgetedRunStatus.Completed)
        {
            var exception = run.Exception ?? new TimeoutException("A notification handler ran out of the message's budget.");
            Log.NotificationHandlerFailed(telemetry.Logger, exception, RequestText.Truncate(message.Type), RequestText.Truncate(message.CallId));
        }
    }

    // Handlers of one message run one after another: they share the request's DI scope, and scoped
    // services such as a DbContext are not thread-safe. A failing handler does not stop the others.
    private static async Task<bool> RunInOrderAsync(List<Func<CancellationToken, Task>> handlers, CancellationToken cancellationToken)
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
}
