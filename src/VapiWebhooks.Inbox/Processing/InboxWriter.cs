using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Inbox.Diagnostics;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Processing;

/// <summary>
/// The group commit: the only writer of appends and outcomes. Whatever arrived while the previous commit was in
/// flight goes into the next one, so N concurrent acknowledgements cost one transaction and one flush, not N.
/// </summary>
internal sealed class InboxWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IVapiInboxStore _store;
    private readonly IOptionsMonitor<VapiInboxOptions> _options;
    private readonly InboxReadiness _readiness;
    private readonly VapiInboxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _startLock = new();
    private Task? _loop;

    public InboxWriter(IVapiInboxStore store, IOptionsMonitor<VapiInboxOptions> options, InboxReadiness readiness, VapiInboxMetrics metrics, ILogger<InboxWriter> logger)
    {
        _metrics = metrics;
        _store = store;
        _options = options;
        _readiness = readiness;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="write"/> for the next commit; completes when it is durable.</summary>
    /// <returns>Whether the write took effect (see <see cref="IVapiInboxStore.WriteAsync"/>).</returns>
    public Task<bool> WriteAsync(InboxWrite write)
    {
        EnsureStarted();
        var pending = new PendingWrite(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<bool>(new InvalidOperationException("The inbox is shutting down."));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>();
        var writes = new List<InboxWrite>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var max = _options.CurrentValue.MaxBatchSize;
            while (batch.Count < max && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                writes.Add(pending.Write);
            }

            try
            {
                // The schema must exist before the first commit; the worker creates it at start-up.
                await _readiness.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                var results = await _store.WriteAsync(writes, CancellationToken.None).ConfigureAwait(false);
                _metrics.Committed(writes.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                InboxLog.CommitFailed(_logger, ex, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);
                }
            }

            batch.Clear();
            writes.Clear();
        }
    }

    private sealed class PendingWrite(InboxWrite write)
    {
        public InboxWrite Write { get; } = write;

        // Continuations run off the writer's loop so that one slow caller cannot stall the next commit.
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
