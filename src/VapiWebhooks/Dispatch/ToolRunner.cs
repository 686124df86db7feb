using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Encryption;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Runs tool calls against the registered tools (<c>AddTool</c>): each call in its own DI scope and within its
/// own budget, and whatever happens (a value, an exception, a timeout, an unknown name) becomes a result the
/// model can read. A reply is always 200: one broken tool must not fail the others.
/// </summary>
internal sealed class ToolRunner(ToolCatalog tools, IOptionsMonitor<VapiWebhookOptions> options, DispatchTelemetry telemetry)
{
    // The model (or a client) chooses tool names: an unknown one is logged at most once per name per interval.
    private readonly LogThrottle _unknownToolLog = new(telemetry.Time);

    /// <summary>Runs every call of a <c>tool-calls</c> message; results keep request order.</summary>
    public async Task<VapiDispatchResult> RunAsync(ToolCallsMessage message, List<ToolInvocation> calls, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (tools.IsEmpty)
        {
            Log.NoHandler(telemetry.Logger, RequestText.Truncate(message.Type), RequestText.Truncate(message.CallId), 200, "an error result per tool call");
            return VapiDispatchResult.Replied(ToolCallsResponse.From(calls.Select(NoSuchTool)), VapiDispatchOutcome.NoHandler);
        }

        if (calls.Count == 1)
        {
            // The common case: nothing to run concurrently with.
            return VapiDispatchResult.Replied(ToolCallsResponse.From([await RunOneAsync(calls[0], message, services, cancellationToken).ConfigureAwait(false)]));
        }

        // Tools run concurrently, each in its own DI scope and with its own deadline.
        var runs = new Task<ToolCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            runs[i] = RunOneAsync(calls[i], message, services, cancellationToken);
        }

        var results = await Task.WhenAll(runs).ConfigureAwait(false);
        return VapiDispatchResult.Replied(ToolCallsResponse.From(results));
    }

    /// <summary>Runs the single call of a legacy <c>function-call</c> message.</summary>
    public async Task<VapiDispatchResult> RunAsync(FunctionCallMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await RunOneAsync(ToolInvocation.From(message), message, services, cancellationToken).ConfigureAwait(false);
        return VapiDispatchResult.Replied(FunctionCallResponse.From(result.Error ?? result.Result ?? string.Empty));
    }

    /// <summary>An error result for every call: what an <see cref="Handlers.IToolCallsHandler"/> that failed or ran late answers.</summary>
    public static ToolCallsResponse FailAll(List<ToolInvocation> calls, VapiDispatchOutcome outcome)
        => ToolCallsResponse.From(calls.Select(c => Failed(c, outcome == VapiDispatchOutcome.DeadlineExceeded
            ? $"The tool '{c.Name}' did not finish in time."
            : $"The tool '{c.Name}' failed.")));

    private async Task<ToolCallResult> RunOneAsync(ToolInvocation call, ServerMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!tools.TryGet(call.Name, out var tool))
        {
            telemetry.Metrics.UnknownTools.Add(1);
            var name = RequestText.Truncate(call.Name);
            if (_unknownToolLog.ShouldLog(name, options.CurrentValue.RepeatedLogInterval, out var suppressed))
            {
                Log.UnknownTool(telemetry.Logger, name, RequestText.Truncate(message.CallId), suppressed);
            }

            return NoSuchTool(call);
        }

        // Decrypt, then bind: only tools with encrypted paths (sent by Vapi or declared at registration) pay for
        // the RSA operation, and it happens here, in the request (an async tool runs later, in a scope of its own).
        // A value that does not decrypt fails this call only.
        if (ToolArgumentDecryption.PathsFor(call.Tool, tool) is { } encryptedPaths)
        {
            try
            {
                call = call with { Arguments = ToolArgumentDecryption.Decrypt(call.Arguments, encryptedPaths, services.GetService<VapiFieldDecryptor>() ?? VapiFieldDecryptor.None, tool) };
            }
            catch (VapiDecryptionException ex)
            {
                Log.ToolArgumentNotDecrypted(telemetry.Logger, call.Name, call.Id, RequestText.Truncate(message.CallId), RequestText.Truncate(ex.Path ?? string.Empty), ex.Failure);
                return Failed(call, RequestText.OneLine($"Invalid arguments for '{call.Name}': {ex.Message}"));
            }
        }

        // Vapi does not wait for an async tool: a runner (VapiWebhooks.CallControl) answers now and delivers later.
        if (call.Tool?.Async == true && services.GetService<IVapiAsyncToolRunner>() is { } runner)
        {
            var scopes = services.GetRequiredService<IServiceScopeFactory>();

            // The tool reads the message after the request has ended and its buffer gone back to the pool.
            message.DetachFromRequest();
            var accepted = runner.TryStart(new AsyncToolCall(call.Id, call.Name, message, call.Tool, ct => RunDetachedAsync(tool, call, message, scopes, ct)));
            if (accepted is not null)
            {
                accepted.ToolCallId = call.Id;
                accepted.Name = call.Name;
                return accepted;
            }
        }

        var budget = HandlerBudgets.ForTool(call.Tool?.Server?.TimeoutSeconds, options.CurrentValue.Deadlines);
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        Task? abandoned = null;
        try
        {
            var context = new ToolCallContext(call.Id, call.Name, message, scope.ServiceProvider, call.ToolCall, call.Tool);
            var run = await BudgetedRun.RunAsync(ct => tool.InvokeAsync(call.Arguments, context, ct), message, budget, telemetry.Time, cancellationToken).ConfigureAwait(false);
            switch (run.Status)
            {
                case BudgetedRunStatus.Completed:
                    return ToResult(tool, run.Value, call, message);
                case BudgetedRunStatus.DeadlineExceeded:
                    abandoned = run.Abandoned;
                    telemetry.DeadlineExceeded(message);
                    Log.ToolDeadlineExceeded(telemetry.Logger, call.Name, call.Id, RequestText.Truncate(message.CallId), budget.TotalMilliseconds);
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

    /// <summary>Runs an async tool after the reply: in a scope of its own (the request's is gone), within the runner's token.</summary>
    private async Task<ToolCallResult> RunDetachedAsync(VapiToolRegistration tool, ToolInvocation call, ServerMessage message, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var context = new ToolCallContext(call.Id, call.Name, message, scope.ServiceProvider, call.ToolCall, call.Tool);
                var value = await tool.InvokeAsync(call.Arguments, context, cancellationToken).ConfigureAwait(false);
                return ToResult(tool, value, call, message);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return FailureFor(ex, call, message);
            }
        }
    }

    private ToolCallResult ToResult(VapiToolRegistration tool, object? value, ToolInvocation call, ServerMessage message)
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
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return Succeeded(call, element.GetString()!);
            case JsonElement element:
                return Succeeded(call, element.GetRawText());
            case Task or ValueTask:
            case var _ when value.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                // A task is never a result: serialising it would send the model the task object.
                return FailureFor(new InvalidOperationException($"The tool '{call.Name}' returned an un-awaited {value.GetType().Name}; return its result (AddTool awaits a Task or ValueTask returned directly)."), call, message);
            default:
                try
                {
                    return Succeeded(call, tool.SerializeResult(value));
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
                {
                    return FailureFor(ex, call, message);
                }
        }
    }

    private ToolCallResult FailureFor(Exception exception, ToolInvocation call, ServerMessage message)
    {
        switch (exception)
        {
            case ToolArgumentsException invalid:
                // The model gets one short line naming the argument; the log gets the reader's full detail.
                Log.ToolArgumentsInvalid(telemetry.Logger, call.Name, call.Id, RequestText.Truncate(message.CallId), invalid.InnerException?.Message ?? invalid.Message);
                return Failed(call, RequestText.OneLine(invalid.Message));
            case VapiToolException spoken:
                Log.ToolFailed(telemetry.Logger, spoken, call.Name, call.Id, RequestText.Truncate(message.CallId));
                return Failed(call, RequestText.OneLine(spoken.Message));
            default:
                // Exception messages may carry internals (connection strings, SQL): the model gets a fixed text.
                Log.ToolFailed(telemetry.Logger, exception, call.Name, call.Id, RequestText.Truncate(message.CallId));
                return Failed(call, $"The tool '{call.Name}' failed.");
        }
    }

    private static ToolCallResult NoSuchTool(ToolInvocation call)
        => Failed(call, $"No tool named '{RequestText.Truncate(call.Name)}' is registered on this server.");

    // Not the public factories: those insist on an id, and the legacy function-call (or a malformed call) has none.
    private static ToolCallResult Succeeded(ToolInvocation call, string result) => new() { ToolCallId = call.Id, Name = call.Name, Result = result };

    private static ToolCallResult Failed(ToolInvocation call, string error) => new() { ToolCallId = call.Id, Name = call.Name, Error = error };
}
