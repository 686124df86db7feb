using Npgsql;
using NpgsqlTypes;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.PostgreSql;

/// <summary>
/// An <see cref="IVapiInboxStore"/> on PostgreSQL, shared by several instances. Workers lease messages with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease that expires, so a killed instance's messages go to another; a commit
/// that stores new messages sends <c>NOTIFY vapi_inbox</c>, which wakes every instance's workers at once.
/// </summary>
public sealed class PostgreSqlInboxStore : IVapiInboxStore, IAsyncDisposable
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "vapi_inbox";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS vapi_inbox (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,
            call_key TEXT NOT NULL,
            type TEXT NOT NULL,
            body BYTEA NOT NULL,
            state SMALLINT NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at BIGINT NOT NULL,
            acknowledged_at BIGINT NOT NULL,
            finished_at BIGINT NULL,
            last_error TEXT NULL,
            lease_owner TEXT NULL,
            lease_until BIGINT NULL);
        CREATE INDEX IF NOT EXISTS vapi_inbox_queue ON vapi_inbox (seq) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS vapi_inbox_call ON vapi_inbox (call_key, seq) WHERE state = 0;
        DROP INDEX IF EXISTS vapi_inbox_finished;
        CREATE INDEX IF NOT EXISTS vapi_inbox_done ON vapi_inbox (state, finished_at) WHERE state <> 0;
        ALTER TABLE vapi_inbox SET (autovacuum_vacuum_threshold = 500, autovacuum_vacuum_scale_factor = 0.02,
            autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.02);
        ANALYZE vapi_inbox;
        """;

    // The head of each call only; SKIP LOCKED lets instances claim side by side without waiting on each other.
    // The plan needs current statistics: planned for a table the statistics call empty, the head-of-call check read the
    // whole queue for each candidate (31 ms per claim at 5,000 pending, measured). A queue table churns, so the schema
    // asks autovacuum to analyze and vacuum it after 2% changes (not 10-20%) and analyzes it at start-up.
    private const string ClaimSql = """
        WITH claimable AS (
            SELECT m.seq FROM vapi_inbox m
            WHERE m.state = 0 AND m.due_at <= @now AND (m.lease_until IS NULL OR m.lease_until <= @now)
              AND NOT EXISTS (SELECT 1 FROM vapi_inbox e WHERE e.state = 0 AND e.call_key = m.call_key AND e.seq < m.seq)
            ORDER BY m.seq LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE vapi_inbox t SET lease_owner = @owner, lease_until = @until, attempts = t.attempts + 1
        FROM claimable WHERE t.seq = claimable.seq
        RETURNING t.seq, t.message_id, t.call_key, t.type, t.body, t.attempts, t.acknowledged_at
        """;

    private const string AppendSql = """
        INSERT INTO vapi_inbox (message_id, call_key, type, body, due_at, acknowledged_at)
        SELECT u.id, u.call_key, u.type, u.body, u.at, u.at
        FROM unnest(@ids, @calls, @types, @bodies, @ats) WITH ORDINALITY AS u(id, call_key, type, body, at, n)
        ORDER BY u.n
        ON CONFLICT (message_id) DO NOTHING
        RETURNING message_id
        """;

    private readonly NpgsqlDataSource _dataSource;

    // Leases and retention deletes commit without waiting for their WAL flush (synchronous_commit = off): losing one
    // in a server crash only makes a message claimable again (at least once), or leaves a delete to redo; and they no
    // longer queue for the disk beside the acknowledgements, which still wait for theirs.
    private readonly NpgsqlDataSource _leases;
    private readonly string _connectionString;

    /// <summary>Creates a store; the table is created on first use.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgreSqlInboxStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        var leases = new NpgsqlConnectionStringBuilder(_connectionString);
        leases.Options = string.IsNullOrWhiteSpace(leases.Options) ? "-c synchronous_commit=off" : leases.Options + " -c synchronous_commit=off";
        _leases = NpgsqlDataSource.Create(leases.ConnectionString);
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Instances starting together must not race on CREATE TABLE: a transaction-scoped advisory lock orders them.
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7239011); " + Schema, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool[]> WriteAsync(IReadOnlyList<InboxWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new bool[writes.Count];
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var appends = new List<int>();
        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i].Kind == InboxWriteKind.Append)
            {
                appends.Add(i);
            }
        }

        if (appends.Count > 0)
        {
            await AppendAsync(connection, transaction, writes, appends, results, cancellationToken).ConfigureAwait(false);
        }

        if (appends.Count < writes.Count)
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            var indexes = new List<int>();
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (write.Kind == InboxWriteKind.Append)
                {
                    continue;
                }

                var command = write.Kind switch
                {
                    InboxWriteKind.Handled => new NpgsqlBatchCommand("UPDATE vapi_inbox SET state = 1, finished_at = $3, body = ''::bytea, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND state = 0 AND lease_owner = $2"),
                    InboxWriteKind.Retry => new NpgsqlBatchCommand("UPDATE vapi_inbox SET due_at = $3, last_error = $4, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND state = 0 AND lease_owner = $2"),
                    InboxWriteKind.DeadLetter => new NpgsqlBatchCommand("UPDATE vapi_inbox SET state = 2, finished_at = $3, last_error = $4, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND state = 0 AND lease_owner = $2"),
                    _ => new NpgsqlBatchCommand("UPDATE vapi_inbox SET attempts = GREATEST(attempts - 1, 0), lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND state = 0 AND lease_owner = $2"),
                };
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.Sequence });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.Owner! });
                if (write.Kind != InboxWriteKind.Release)
                {
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.At.ToUnixTimeMilliseconds() });
                }

                if (write.Kind is InboxWriteKind.Retry or InboxWriteKind.DeadLetter)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = (object?)write.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                }

                batch.BatchCommands.Add(command);
                indexes.Add(i);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < indexes.Count; j++)
            {
                results[indexes[j]] = batch.BatchCommands[j].RecordsAffected == 1;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InboxMessage>> ClaimAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var command = _leases.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<long>("now", claim.Now.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new NpgsqlParameter<int>("max", claim.MaxCount));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", claim.Owner));
        command.Parameters.Add(new NpgsqlParameter<long>("until", claim.LeasedUntil.ToUnixTimeMilliseconds()));
        var claimed = new List<InboxMessage>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new InboxMessage(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<byte[]>(4),
                    reader.GetInt32(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }
        }

        claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return claimed;
    }

    /// <inheritdoc />
    public async Task RenewLeasesAsync(string owner, IReadOnlyCollection<long> sequences, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        using var command = _leases.CreateCommand("UPDATE vapi_inbox SET lease_until = @until WHERE seq = ANY(@seqs) AND state = 0 AND lease_owner = @owner");
        command.Parameters.Add(new NpgsqlParameter<long>("until", leasedUntil.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("seqs", [.. sequences]));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> DeleteHandledAsync(DateTimeOffset handledBefore, int maxCount, CancellationToken cancellationToken)
    {
        using var command = _leases.CreateCommand("DELETE FROM vapi_inbox WHERE seq IN (SELECT seq FROM vapi_inbox WHERE state = 1 AND finished_at < @before LIMIT @max FOR UPDATE SKIP LOCKED)");
        command.Parameters.Add(new NpgsqlParameter<long>("before", handledBefore.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<InboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        using var command = _dataSource.CreateCommand("""
            SELECT
              COUNT(*) FILTER (WHERE state = 0),
              COUNT(*) FILTER (WHERE state = 0 AND lease_owner IS NOT NULL),
              COUNT(*) FILTER (WHERE state = 1),
              COUNT(*) FILTER (WHERE state = 2),
              MIN(acknowledged_at) FILTER (WHERE state = 0)
            FROM vapi_inbox
            """);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new InboxCounts(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InboxDeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken)
    {
        using var command = _dataSource.CreateCommand("SELECT message_id, call_key, type, attempts, acknowledged_at, finished_at, last_error FROM vapi_inbox WHERE state = 2 ORDER BY seq LIMIT @max");
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var letters = new List<InboxDeadLetter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            letters.Add(new InboxDeadLetter(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return letters;
    }

    /// <inheritdoc />
    public async Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        const string Requeue = "UPDATE vapi_inbox SET state = 0, attempts = 0, due_at = @due, finished_at = NULL, lease_owner = NULL, lease_until = NULL WHERE state = 2";
        using var command = _dataSource.CreateCommand(messageIds is null ? Requeue : Requeue + " AND message_id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<long>("due", dueAt.ToUnixTimeMilliseconds()));
        if (messageIds is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. messageIds]));
        }

        var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (count > 0)
        {
            using var notify = _dataSource.CreateCommand($"NOTIFY {Channel}");
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(InboxMessageState state, CancellationToken cancellationToken)
    {
        using var command = _dataSource.CreateCommand("DELETE FROM vapi_inbox WHERE state = @state");
        command.Parameters.Add(new NpgsqlParameter<short>("state", (short)state));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ListenAsync(Action wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wake);

        // A dedicated connection outside the pool: it stays open, waiting for notifications.
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, _) => wake();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // Work committed while this connection was down is found by the next claim.
            wake();
            while (true)
            {
                await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _leases.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InboxWrite> writes, List<int> appends, bool[] results, CancellationToken cancellationToken)
    {
        var ids = new string[appends.Count];
        var calls = new string[appends.Count];
        var types = new string[appends.Count];
        var bodies = new byte[appends.Count][];
        var ats = new long[appends.Count];
        for (var j = 0; j < appends.Count; j++)
        {
            var entry = writes[appends[j]].Entry!;
            ids[j] = entry.MessageId;
            calls[j] = entry.CallKey;
            types[j] = entry.Type;
            bodies[j] = entry.Body.ToArray();
            ats[j] = entry.AcknowledgedAt.ToUnixTimeMilliseconds();
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand(AppendSql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
            command.Parameters.Add(new NpgsqlParameter<string[]>("calls", calls));
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", types));
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("bodies", bodies) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter<long[]>("ats", ats));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        // The same body twice in one batch is inserted once: the first occurrence is the stored one.
        for (var j = 0; j < appends.Count; j++)
        {
            results[appends[j]] = inserted.Remove(ids[j]);
        }

        if (results.Any(static stored => stored))
        {
            // Delivered at commit, to every listening instance.
            using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection, transaction);
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
