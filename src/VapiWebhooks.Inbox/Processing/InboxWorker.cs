using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Inbox.Diagnostics;
using VapiWebhooks.Inbox.Storage;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Inbox.Processing;

/// <summary>
/// Leases due messages and hands each to the same <c>IServerMessageHandler&lt;T&gt;</c> handlers the endpoint would
/// have run, in a DI scope of its own; records the outcome through the group commit. The store hands out only the
/// oldest pending message of each call, so a call's messages run one at a time, in order.
/// <para>
/// A handler's slot (<see cref="VapiInboxOptions.MaxConcurrency"/>) is freed when its handlers return, not when the
/// outcome is durable: the message stays leased (and its call held back) until the outcome commits, but the next
/// message does not wait for that commit. Claims are batched and run ahead: up to <c>MaxConcurrency</c> more messages
/// than are running are leased and wait here for a slot, and the store is asked again only once half of that is used,
/// so that it is asked once for several messages rather than once per message (with SQLite, every question waits for
/// the one connection that also carries the acknowledgements).
/// </para>
/// </summary>
internal sealed class InboxWorker : BackgroundService
{
    private const int MaxErrorLength = 2000;

    private readonly IVapiInboxStore _store;
    private readonly InboxWriter _writer;
    private readonly InboxReadiness _readiness;
    private readonly InboxSignal _signal;
    private readonly VapiInboxMetrics _metrics;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptionsMonitor<VapiInboxOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    // Leased by this instance: handlers running, or their outcome waiting for its commit. Renewed, drained at shutdown.
    private readonly ConcurrentDictionary<long, Task> _running = new();

    // Handlers running: what MaxConcurrency limits.
    private int _handling;

    // Claimed (leased) messages waiting for a slot, each with the gate that starts it (true) or releases it (false).
    // Only the claim loop touches it, and DrainAsync after the loop has ended.
    private readonly Queue<(InboxMessage Message, TaskCompletionSource<bool> Start)> _ready = new();

    // Fired when the shutdown grace period ends: handlers still running are cancelled and their messages released.
    private readonly CancellationTokenSource _abort = new();

    public InboxWorker(
        IVapiInboxStore store,
        InboxWriter writer,
        InboxReadiness readiness,
        InboxSignal signal,
        VapiInboxMetrics metrics,
        IServiceScopeFactory scopes,
        IOptionsMonitor<VapiInboxOptions> options,
        ILogger<InboxWorker> logger,
        TimeProvider? time = null)
    {
        _store = store;
        _writer = writer;
        _readiness = readiness;
        _signal = signal;
        _metrics = metrics;
        _scopes = scopes;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>This instance's lease owner name: unique per process start.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartStoreAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var listening = ListenAsync(stoppingToken);
        var housekeeping = HousekeepingAsync(stoppingToken);
        try
        {
            await ClaimLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await DrainAsync().ConfigureAwait(false);
            await Task.WhenAll(listening, housekeeping).ConfigureAwait(false);
        }
    }

    private async Task<bool> StartStoreAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                InboxLog.StoreUnavailable(_logger, ex, "initialise");
                if (!await DelayAsync(_options.CurrentValue.PollInterval, stoppingToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }
    }

    private async Task ClaimLoopAsync(CancellationToken stoppingToken)
    {
        var lastClaim = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            StartReady(options.MaxConcurrency);

            // Run ahead by one round of slots; outcomes still committing keep their lease, and count against a bound
            // too, so that a slow store cannot pile up leases.
            var wanted = Math.Min((2 * options.MaxConcurrency) - Volatile.Read(ref _handling) - _ready.Count, (3 * options.MaxConcurrency) - _running.Count);
            var now = _time.GetUtcNow();
            var more = false;
            if (wanted > 0 && (_running.IsEmpty || wanted * 2 >= options.MaxConcurrency || now - lastClaim >= options.PollInterval))
            {
                lastClaim = now;
                IReadOnlyList<InboxMessage> claimed;
                try
                {
                    claimed = await _store.ClaimAsync(new InboxClaim(Owner, wanted, now, now + options.LeaseDuration), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    InboxLog.StoreUnavailable(_logger, ex, "claim");
                    claimed = [];
                }

                foreach (var message in claimed)
                {
                    // Registered at once, so that lease renewal and the drain at shutdown see it while it waits.
                    var start = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _running[message.Sequence] = HandleAsync(message, start.Task);
                    _ready.Enqueue((message, start));
                }

                StartReady(options.MaxConcurrency);
                more = claimed.Count == wanted;
            }

            if (!more)
            {
                try
                {
                    await _signal.WaitAsync(options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private void StartReady(int maxConcurrency)
    {
        while (_ready.Count > 0 && Volatile.Read(ref _handling) < maxConcurrency)
        {
            Interlocked.Increment(ref _handling);
            _ready.Dequeue().Start.SetResult(true);
        }
    }

    private async Task HandleAsync(InboxMessage message, Task<bool> start)
    {
        try
        {
            var options = _options.CurrentValue;
            (Exception? Failure, bool Interrupted, bool Permanent) result;
            if (!await start.ConfigureAwait(false))
            {
                // Shutting down before it had a slot: give it back untouched.
                result = (null, true, false);
            }
            else
            {
                try
                {
                    result = await RunHandlersAsync(message, options).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _handling);
                    _signal.Wake();
                }
            }

            var (failure, interrupted, permanent) = result;
            var now = _time.GetUtcNow();
            InboxWrite write;
            string outcome;
            if (interrupted)
            {
                write = InboxWrite.Release(message.Sequence, Owner);
                outcome = VapiInboxMetrics.Released;
            }
            else if (failure is null)
            {
                write = InboxWrite.Handled(message.Sequence, Owner, now);
                outcome = VapiInboxMetrics.Handled;
            }
            else if (permanent || message.Attempt >= options.MaxAttempts)
            {
                write = InboxWrite.DeadLetter(message.Sequence, Owner, now, Describe(failure));
                outcome = VapiInboxMetrics.DeadLettered;
                InboxLog.DeadLettered(_logger, failure, message.Type, message.MessageId, message.Attempt);
            }
            else
            {
                var delay = RetryBackoff.After(message.Attempt, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared.NextDouble());
                write = InboxWrite.Retry(message.Sequence, Owner, now + delay, Describe(failure));
                outcome = VapiInboxMetrics.Retried;
                InboxLog.WillRetry(_logger, failure, message.Type, message.MessageId, message.Attempt, delay.TotalSeconds);
            }

            // The lease is held until the outcome is durable: a kill before this point re-runs the message.
            if (await RecordAsync(write, message, options).ConfigureAwait(false))
            {
                _metrics.Attempted(outcome, message.Type);
            }
        }
        finally
        {
            _running.TryRemove(message.Sequence, out _);
            _signal.Wake();
        }
    }

    // A store that blips while an outcome is recorded: try again while the lease holds (renewed meanwhile), so that the
    // handlers need not run again and the call's next message is not held back until the lease expires. Given up at
    // shutdown's end or after a lease's length: then the lease runs out and the message is tried again (at least once).
    private async Task<bool> RecordAsync(InboxWrite write, InboxMessage message, VapiInboxOptions options)
    {
        var giveUpAt = _time.GetUtcNow() + options.LeaseDuration;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _writer.WriteAsync(write).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex)
            {
                var delay = RetryBackoff.After(attempt, TimeSpan.FromMilliseconds(50), options.PollInterval, Random.Shared.NextDouble());
                var last = _abort.IsCancellationRequested || _time.GetUtcNow() + delay >= giveUpAt;
                if (attempt == 1 || last)
                {
                    InboxLog.OutcomeNotRecorded(_logger, ex, message.MessageId, last);
                }

                if (last || !await DelayAsync(delay, _abort.Token).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }
    }

    private async Task<(Exception? Failure, bool Interrupted, bool Permanent)> RunHandlersAsync(InboxMessage message, VapiInboxOptions options)
    {
        ServerMessage parsed;
        try
        {
            parsed = VapiJson.DeserializeMessage(message.Body);
        }
        catch (Exception ex)
        {
            // It parsed when it was acknowledged; if this build cannot read it, no retry will.
            return (ex, false, true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        timeout.CancelAfter(options.HandlerTimeout);
        InboxDelivery.Current = new InboxDelivery(message.MessageId, message.Attempt, message.AcknowledgedAt);
        List<Exception>? failures = null;
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handlers = NotificationRoutes.Resolve(parsed, scope.ServiceProvider);
                if (handlers is null)
                {
                    return (null, false, false);
                }

                // One after another, as inline: they share the scope, and scoped services are not thread-safe.
                foreach (var handler in handlers)
                {
                    try
                    {
                        await handler(timeout.Token).ConfigureAwait(false);
                    }
                    catch (Exception) when (_abort.IsCancellationRequested)
                    {
                        return (null, true, false);
                    }
                    catch (Exception ex)
                    {
                        (failures ??= []).Add(ex);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // Resolving a handler failed (a missing dependency): that is this attempt's failure.
            (failures ??= []).Add(ex);
        }
        finally
        {
            InboxDelivery.Current = null;
        }

        return failures switch
        {
            null => (null, false, false),
            [var single] => (single, false, false),
            _ => (new AggregateException(failures), false, false),
        };
    }

    private async Task DrainAsync()
    {
        // Claimed but never started: released at once rather than run during shutdown.
        while (_ready.TryDequeue(out var waiting))
        {
            waiting.Start.SetResult(false);
        }

        var running = Task.WhenAll(_running.Values);
        var grace = _options.CurrentValue.ShutdownTimeout;
        if (await Task.WhenAny(running, Task.Delay(grace, _time)).ConfigureAwait(false) != running)
        {
            InboxLog.ShutdownCancelling(_logger, _running.Count);
            await _abort.CancelAsync().ConfigureAwait(false);

            // Handlers that ignore cancellation keep their lease until it expires; do not hold the host hostage.
            await Task.WhenAny(running, Task.Delay(grace, _time)).ConfigureAwait(false);
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _store.ListenAsync(_signal.Wake, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                InboxLog.StoreUnavailable(_logger, ex, "listen");
            }

            // Listening is only a shortcut (the poll interval still finds new work): reconnect without hurry.
            if (!await DelayAsync(_options.CurrentValue.PollInterval, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task HousekeepingAsync(CancellationToken stoppingToken)
    {
        var nextRenewal = _time.GetUtcNow();
        var nextStatistics = nextRenewal;
        var nextCleanup = nextRenewal;
        while (await DelayAsync(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false))
        {
            var options = _options.CurrentValue;
            var now = _time.GetUtcNow();
            try
            {
                if (now >= nextRenewal)
                {
                    nextRenewal = now + (options.LeaseDuration / 3);
                    var leased = _running.Keys.ToArray();
                    if (leased.Length > 0)
                    {
                        await _store.RenewLeasesAsync(Owner, leased, now + options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                    }
                }

                if (now >= nextStatistics)
                {
                    nextStatistics = now + options.StatisticsInterval;
                    _metrics.Observe(await _store.CountAsync(stoppingToken).ConfigureAwait(false), now);
                }

                if (now >= nextCleanup)
                {
                    nextCleanup = now + options.CleanupInterval;
                    await CleanUpAsync(now - options.RetentionPeriod, options.CleanupBatchSize, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                InboxLog.StoreUnavailable(_logger, ex, "housekeeping");
            }
        }
    }

    private async Task CleanUpAsync(DateTimeOffset handledBefore, int batchSize, CancellationToken stoppingToken)
    {
        // Short transactions, a bounded number per round: a backlog is worked off over several rounds.
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var deleted = await _store.DeleteHandledAsync(handledBefore, batchSize, stoppingToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            InboxLog.CleanedUp(_logger, total);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Describe(Exception exception)
    {
        // Type and message only: a stack trace can be long, and the message id leads to the logs that have it.
        var text = exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(e => $"{e.GetType().FullName}: {e.Message}"))
            : $"{exception.GetType().FullName}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
