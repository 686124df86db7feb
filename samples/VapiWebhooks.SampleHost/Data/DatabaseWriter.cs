using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>
/// The only writer of the database. Writes queue up and one loop runs them on one connection, in batches of up
/// to <see cref="MaxBatch"/> per transaction: under load, one commit covers many status updates instead of each
/// request waiting its turn for SQLite's write lock. Each write runs in its own savepoint, so one that fails
/// (a slot already booked) is undone alone and the rest of the batch still commits. A write's task completes
/// after its transaction has committed, so whatever the caller does next (the next tool call) reads it.
/// </summary>
public sealed class DatabaseWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The most writes committed in one transaction.</summary>
    public const int MaxBatch = 256;

    // Bounded, so that a flood waits for room instead of growing memory without limit.
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(16_384)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ClinicDatabase _database;
    private readonly ILogger<DatabaseWriter> _logger;
    private readonly Lazy<Task> _loop;

    public DatabaseWriter(ClinicDatabase database, ILogger<DatabaseWriter> logger)
    {
        _database = database;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer's connection inside a transaction (create commands with
    /// <see cref="SqliteExtensions.Command"/>) and completes once it is committed. Cancelling stops the
    /// wait, not the write: once queued, it is kept.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _database.InitialiseAsync(cancellationToken);
        _ = _loop.Value;
        var pending = new PendingWrite<T>(write);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        using var connection = _database.OpenWriter();
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Commit(connection, batch);
            batch.Clear();
        }
    }

    private void Commit(SqliteConnection connection, List<PendingWrite> batch)
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            foreach (var write in batch)
            {
                transaction.Save("write");
                if (write.Run(transaction))
                {
                    transaction.Release("write");
                }
                else
                {
                    transaction.Rollback("write");
                    transaction.Release("write");
                }
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // The transaction itself failed (disk full, I/O error): nothing of the batch was stored.
            _logger.LogError(ex, "A batch of {Count} database writes failed.", batch.Count);
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs the write; false when it threw (its exception is kept for the caller).</summary>
        public abstract bool Run(SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteTransaction, T> write) : PendingWrite
    {
        private T? _result;
        private Exception? _exception;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Run(SqliteTransaction transaction)
        {
            try
            {
                _result = write(transaction);
                return true;
            }
#pragma warning disable CA1031 // Any failure of one write belongs to its caller, not to the batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _exception = ex;
                return false;
            }
        }

        public override void Complete()
        {
            if (_exception is not null)
            {
                Completion.TrySetException(_exception);
            }
            else
            {
                Completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
