using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl.Commands;
using VapiWebhooks.CallControl.Diagnostics;
using VapiWebhooks.Responses;
using VapiWebhooks.Tools;

namespace VapiWebhooks.CallControl.AsyncTools;

/// <summary>
/// Runs async tools after the <c>tool-calls</c> reply, each within its own budget, and posts each result (or
/// failure) to the call's control URL. Stopping the host cancels the tools still running.
/// </summary>
internal sealed class AsyncToolRunner : IVapiAsyncToolRunner, IHostedService, IDisposable
{
    private readonly IVapiCallControlFactory _controls;
    private readonly IOptionsMonitor<VapiCallControlOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CallControlMetrics _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public AsyncToolRunner(
        IVapiCallControlFactory controls,
        IOptionsMonitor<VapiCallControlOptions> options,
        ILogger<AsyncToolRunner> logger,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        _controls = controls;
        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new CallControlMetrics(meterFactory);
    }

    /// <summary>How many async tools are running or delivering now.</summary>
    public int Running => _running.Count;

    public ToolCallResult? TryStart(AsyncToolCall toolCall)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        var call = toolCall;
        var options = _options.CurrentValue.AsyncTools;
        if (!options.Enabled || _stopping.IsCancellationRequested)
        {
            return null;
        }

        var control = _controls.ForMessage(call.Message);
        if (control is null)
        {
            CallControlLog.AsyncToolWithoutControlUrl(_logger, call.FunctionName, call.ToolCallId, call.Message.CallId);
            return null;
        }

        options.Tools.TryGetValue(call.FunctionName, out var settings);
        var delivery = settings?.Delivery ?? options.DefaultDelivery;
        var budget = settings?.Budget ?? options.Budget;
        CallControlLog.AsyncToolStarted(_logger, call.FunctionName, call.ToolCallId, control.CallId);

        // Task.Run: the tool must not start on the request's thread, nor see the request's ExecutionContext-bound state.
        var run = Task.Run(() => RunAsync(call, control, delivery, budget), CancellationToken.None);
        _running.TryAdd(run, 0);
        _ = run.ContinueWith(static (task, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(task, out _), _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return ToolCallResult.Success(call.ToolCallId, call.FunctionName, options.AcknowledgementText);
    }

    private async Task RunAsync(AsyncToolCall call, IVapiCallControl control, AsyncToolDelivery delivery, TimeSpan budget)
    {
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _stopping.Token);
        string outcome;
        string text;
        bool failed;
        try
        {
            var result = await call.RunAsync(linked.Token).ConfigureAwait(false);
            failed = result.Error is not null;
            outcome = failed ? "failed" : "succeeded";
            text = result.Error ?? result.Result ?? string.Empty;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            CallControlLog.AsyncToolCancelled(_logger, call.FunctionName, call.ToolCallId, control.CallId);
            Count("cancelled");
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            CallControlLog.AsyncToolTimedOut(_logger, call.FunctionName, call.ToolCallId, control.CallId, budget.TotalMilliseconds);
            (outcome, failed, text) = ("timed_out", true, $"The tool '{call.FunctionName}' did not finish in time.");
        }
        catch (Exception ex)
        {
            // RunAsync maps tool exceptions to an error result; this is a fault of the mapping itself.
            CallControlLog.AsyncToolFailed(_logger, ex, call.FunctionName, call.ToolCallId, control.CallId);
            (outcome, failed, text) = ("failed", true, $"The tool '{call.FunctionName}' failed.");
        }

        if (control.HasEnded)
        {
            CallControlLog.AsyncToolResultDropped(_logger, call.FunctionName, call.ToolCallId, control.CallId);
            Count("call_ended");
            return;
        }

        var command = Compose(call.FunctionName, delivery, text, failed);
        CallControlResult sent;
        try
        {
            sent = await control.SendAsync(command, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            CallControlLog.AsyncToolCancelled(_logger, call.FunctionName, call.ToolCallId, control.CallId);
            Count("cancelled");
            return;
        }

        switch (sent.Status)
        {
            case CallControlStatus.Sent:
                Count(outcome == "succeeded" ? "delivered" : outcome);
                break;
            case CallControlStatus.CallEnded:
                CallControlLog.AsyncToolResultDropped(_logger, call.FunctionName, call.ToolCallId, control.CallId);
                Count("call_ended");
                return;
            default:
                Count("undeliverable");
                break;
        }

        var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
        var status = CallControlMetrics.StatusName(sent.Status);
        CallControlLog.AsyncToolDelivered(_logger, call.FunctionName, call.ToolCallId, control.CallId, outcome, command.Name, status, elapsedMs);
    }

    /// <summary>The command that carries a result: the same kind for a success and a failure, so the user's choice holds either way.</summary>
    internal static CallControlCommand Compose(string functionName, AsyncToolDelivery delivery, string text, bool failed) => delivery switch
    {
        AsyncToolDelivery.Say => new SayCommand { Content = text },
        _ => new AddMessageCommand
        {
            Message = new CallControlMessage
            {
                Role = CallControlMessageRoles.System,
                Content = failed
                    ? $"The tool '{functionName}' you called earlier failed: {text} Tell the caller."
                    : $"The tool '{functionName}' you called earlier has finished. Its result: {text}",
            },
            TriggerResponseEnabled = true,
        },
    };

    private void Count(string outcome) => _metrics.AsyncTools.Add(1, new TagList { { CallControlTelemetry.StatusTag, outcome } });

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A WebApplication is stopped twice, by its disposal and by app.Run() seeing ApplicationStopping; the second
        // stop can reach this after the first one's disposal (an app whose other services stop asynchronously, such
        // as the inbox's workers). Stopped is stopped.
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            // The tools see their token fire; wait (within the host's shutdown timeout) for them to wind down.
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        _stopping.Dispose();
    }
}
