using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.Testing.CallControl;

/// <summary>
/// Stands in for Vapi's call-control endpoint in tests: a real Kestrel server on 127.0.0.1 (a free port) that
/// takes <c>POST /{callId}/control</c>, records each command and answers 200, or the errors a test scripts
/// (<see cref="FailNext"/>, <see cref="EndCall"/>). Point a message's <c>call.monitor.controlUrl</c> at it with
/// <see cref="UseFor{TMessage}"/>, then assert on <see cref="Commands"/> or <see cref="WaitForCommandAsync"/>.
/// The library follows loopback control URLs only when <c>Vapi:CallControl:AllowLoopback</c> is true (the default in Development).
/// </summary>
public sealed class CallControlRecorder : IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedCallCommand> _commands = [];
    private readonly List<(Func<RecordedCallCommand, bool> Match, TaskCompletionSource<RecordedCallCommand> Done)> _waiters = [];
    private readonly Queue<int> _scriptedStatuses = new();
    private readonly HashSet<string> _endedCalls = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private int _requests;

    private CallControlRecorder(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The recorder's base address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every HTTP request received, including those answered with a scripted error (attempts, retries included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every command received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedCallCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Starts a recorder on a free loopback port.</summary>
    /// <param name="timeProvider">The clock for <see cref="RecordedCallCommand.ReceivedAt"/>; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running recorder; dispose it to stop.</returns>
    public static async Task<CallControlRecorder> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new CallControlRecorder(app, timeProvider ?? TimeProvider.System);
        app.Run(recorder.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        recorder.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return recorder;
    }

    /// <summary>The control URL of a call on this recorder: <c>http://127.0.0.1:PORT/{callId}/control</c>.</summary>
    /// <param name="callId">The call id.</param>
    /// <returns>The URL.</returns>
    public Uri ControlUrlFor(string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return new Uri(BaseAddress, Uri.EscapeDataString(callId) + "/control");
    }

    /// <summary>Points the message's <c>call.monitor.controlUrl</c> at this recorder (keeping its call id, or giving it one).</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="message">A message with a call, e.g. from <see cref="VapiTestMessages"/>.</param>
    /// <returns>The same message.</returns>
    public TMessage UseFor<TMessage>(TMessage message)
        where TMessage : ServerMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Call ??= VapiTestMessages.Call();
        message.Call.Id ??= Guid.NewGuid().ToString();
        message.Call.Monitor ??= new CallMonitor();
        message.Call.Monitor.ControlUrl = ControlUrlFor(message.Call.Id);
        return message;
    }

    /// <summary>The commands received for one call, in arrival order.</summary>
    /// <param name="callId">The call id.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<RecordedCallCommand> CommandsFor(string callId)
    {
        lock (_gate)
        {
            return [.. _commands.Where(c => c.CallId == callId)];
        }
    }

    /// <summary>Waits for a command (already received or still to come) that matches.</summary>
    /// <param name="match">Which command; any when null.</param>
    /// <param name="timeout">How long to wait (default 10 s); a <see cref="TimeoutException"/> names what was received instead.</param>
    /// <returns>The first matching command.</returns>
    public async Task<RecordedCallCommand> WaitForCommandAsync(Func<RecordedCallCommand, bool>? match = null, TimeSpan? timeout = null)
    {
        match ??= static _ => true;
        TaskCompletionSource<RecordedCallCommand> done;
        lock (_gate)
        {
            var existing = _commands.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<RecordedCallCommand>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", Commands.Select(c => $"{c.Type}:{c.AnsweredStatus}"));
            throw new TimeoutException($"No matching call-control command arrived; received: [{seen}].");
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests (of any call) with <paramref name="statusCode"/> instead of 200.</summary>
    /// <param name="statusCode">The status, e.g. 503 (Vapi unavailable: the client retries) or 400.</param>
    /// <param name="times">How many requests.</param>
    public void FailNext(int statusCode, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scriptedStatuses.Enqueue(statusCode);
            }
        }
    }

    /// <summary>From now on, answers the call's commands 404, as for a call that is no longer live.</summary>
    /// <param name="callId">The call id.</param>
    public void EndCall(string callId)
    {
        lock (_gate)
        {
            _endedCalls.Add(callId);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var (_, done) in _waiters)
            {
                done.TrySetCanceled();
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var segments = context.Request.Path.Value?.Trim('/').Split('/') ?? [];
        if (!HttpMethods.IsPost(context.Request.Method) || segments.Length != 2 || segments[1] != "control" || segments[0].Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var callId = Uri.UnescapeDataString(segments[0]);
        string json;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            if (buffer.Length > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            json = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        int status;
        List<TaskCompletionSource<RecordedCallCommand>> woken = [];
        RecordedCallCommand command;
        lock (_gate)
        {
            status = _endedCalls.Contains(callId) ? StatusCodes.Status404NotFound
                : _scriptedStatuses.TryDequeue(out var scripted) ? scripted
                : StatusCodes.Status200OK;
            var authorization = context.Request.Headers.Authorization.ToString();
            command = new RecordedCallCommand(callId, json, status, _time.GetUtcNow(), ++_sequence, authorization.Length == 0 ? null : authorization);
            _commands.Add(command);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(command))
                {
                    woken.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        context.Response.StatusCode = status;
        if (status is >= 200 and < 300)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
        }

        // After the response is written, so that a test waking on the command sees the client's result too.
        foreach (var done in woken)
        {
            done.TrySetResult(command);
        }
    }
}
