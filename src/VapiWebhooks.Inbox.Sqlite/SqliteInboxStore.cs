using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Sqlite;

/// <summary>
/// An <see cref="IVapiInboxStore"/> in one SQLite file (WAL, <c>synchronous=FULL</c>: a commit survives a process
/// kill and a power cut). One process per file: every statement goes through one connection, one at a time, so
/// writers never wait in SQLite's busy handler; the group commit makes that one connection enough. At start-up the
/// leases of a previous process are released (it is gone: only one process uses the file).
/// </summary>
public sealed class SqliteInboxStore : IVapiInboxStore, IAsyncDisposable
{
    // Bodies live in a table of their own. SQLite rewrites a whole row on UPDATE, overflow pages included, and stores
    // columns in order, so with a 10 KB body in the row every lease, outcome and check of a later column would copy or
    // walk it. Here the queue's rows are small; a body is written once, read once when claimed, and deleted when its
    // message is handled (dead letters keep theirs for a requeue).
    // The finished index covers only handled and dead-lettered rows: with one on every state, the planner used it for
    // state = 0 and the claim read every pending row (and sorted them) to take the first few.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS vapi_inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            call_key TEXT NOT NULL,
            type TEXT NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            acknowledged_at INTEGER NOT NULL,
            finished_at INTEGER NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            last_error TEXT NULL);
        CREATE TABLE IF NOT EXISTS vapi_inbox_body (
            seq INTEGER PRIMARY KEY,
            body BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS vapi_inbox_queue ON vapi_inbox (seq) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS vapi_inbox_call ON vapi_inbox (call_key, seq) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS vapi_inbox_done ON vapi_inbox (state, finished_at) WHERE state <> 0;
        """;

    // A file written by an earlier build kept the body in vapi_inbox: move it over once, in one transaction.
    private const string MigrateFromBodyInRow = """
        ALTER TABLE vapi_inbox RENAME TO vapi_inbox_old;
        DROP INDEX IF EXISTS vapi_inbox_queue;
        DROP INDEX IF EXISTS vapi_inbox_call;
        DROP INDEX IF EXISTS vapi_inbox_finished;
        {schema}
        INSERT INTO vapi_inbox (seq, message_id, call_key, type, state, attempts, due_at, acknowledged_at, finished_at, lease_owner, lease_until, last_error)
            SELECT seq, message_id, call_key, type, state, attempts, due_at, acknowledged_at, finished_at, lease_owner, lease_until, last_error FROM vapi_inbox_old;
        INSERT INTO vapi_inbox_body (seq, body) SELECT seq, body FROM vapi_inbox_old WHERE state <> 1;
        DROP TABLE vapi_inbox_old;
        """;

    // The head of each call only: no pending message of the same call with a smaller sequence number.
    internal const string ClaimSql = """
        UPDATE vapi_inbox SET lease_owner = $owner, lease_until = $until, attempts = attempts + 1
        WHERE seq IN (
            SELECT m.seq FROM vapi_inbox m
            WHERE m.state = 0 AND m.due_at <= $now AND (m.lease_until IS NULL OR m.lease_until <= $now)
              AND NOT EXISTS (SELECT 1 FROM vapi_inbox e WHERE e.state = 0 AND e.call_key = m.call_key AND e.seq < m.seq)
            ORDER BY m.seq LIMIT $max)
        RETURNING seq, message_id, call_key, type, attempts, acknowledged_at
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Creates a store; the file and its folder are created on first use.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=inbox.db</c>.</param>
    public SqliteInboxStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The SQLite inbox needs a file (Data Source=path): an in-memory database loses what was acknowledged.", nameof(connectionString));
        }

        // Pooling would keep the file open after disposal; this store holds its one connection itself.
        builder.Pooling = false;
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is not null)
            {
                return;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
                await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, "UPDATE vapi_inbox SET lease_owner = NULL, lease_until = NULL WHERE state = 0 AND lease_owner IS NOT NULL;", cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _connection = connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<bool[]> WriteAsync(IReadOnlyList<InboxWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return WithConnectionAsync(connection =>
        {
            var results = new bool[writes.Count];
            using var transaction = connection.BeginTransaction();
            using var append = Command(connection, transaction, "INSERT INTO vapi_inbox (message_id, call_key, type, due_at, acknowledged_at) VALUES ($id, $call, $type, $at, $at) ON CONFLICT (message_id) DO NOTHING RETURNING seq", "$id", "$call", "$type", "$at");
            using var appendBody = Command(connection, transaction, "INSERT INTO vapi_inbox_body (seq, body) VALUES ($seq, $body)", "$seq", "$body");
            using var handled = Command(connection, transaction, "UPDATE vapi_inbox SET state = 1, finished_at = $at, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND state = 0 AND lease_owner = $owner", "$seq", "$owner", "$at");
            using var handledBody = Command(connection, transaction, "DELETE FROM vapi_inbox_body WHERE seq = $seq", "$seq");
            using var retry = Command(connection, transaction, "UPDATE vapi_inbox SET due_at = $at, last_error = $error, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND state = 0 AND lease_owner = $owner", "$seq", "$owner", "$at", "$error");
            using var dead = Command(connection, transaction, "UPDATE vapi_inbox SET state = 2, finished_at = $at, last_error = $error, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND state = 0 AND lease_owner = $owner", "$seq", "$owner", "$at", "$error");
            using var release = Command(connection, transaction, "UPDATE vapi_inbox SET attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND state = 0 AND lease_owner = $owner", "$seq", "$owner");
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (write.Kind == InboxWriteKind.Append)
                {
                    var entry = write.Entry!;
                    append.Parameters["$id"].Value = entry.MessageId;
                    append.Parameters["$call"].Value = entry.CallKey;
                    append.Parameters["$type"].Value = entry.Type;
                    append.Parameters["$at"].Value = entry.AcknowledgedAt.ToUnixTimeMilliseconds();

                    // No row back: the same body is already stored (a retry).
                    if (append.ExecuteScalar() is long sequence)
                    {
                        appendBody.Parameters["$seq"].Value = sequence;
                        appendBody.Parameters["$body"].Value = Bytes(entry.Body);
                        appendBody.ExecuteNonQuery();
                        results[i] = true;
                    }

                    continue;
                }

                var command = write.Kind switch
                {
                    InboxWriteKind.Handled => handled,
                    InboxWriteKind.Retry => retry,
                    InboxWriteKind.DeadLetter => dead,
                    _ => release,
                };
                command.Parameters["$seq"].Value = write.Sequence;
                command.Parameters["$owner"].Value = write.Owner;
                if (write.Kind != InboxWriteKind.Release)
                {
                    command.Parameters["$at"].Value = write.At.ToUnixTimeMilliseconds();
                }

                if (write.Kind is InboxWriteKind.Retry or InboxWriteKind.DeadLetter)
                {
                    command.Parameters["$error"].Value = (object?)write.Error ?? DBNull.Value;
                }

                results[i] = command.ExecuteNonQuery() == 1;
                if (results[i] && write.Kind == InboxWriteKind.Handled)
                {
                    handledBody.Parameters["$seq"].Value = write.Sequence;
                    handledBody.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return results;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxMessage>> ClaimAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return WithConnectionAsync<IReadOnlyList<InboxMessage>>(connection => WithoutFlush(connection, () =>
        {
            using var command = Command(connection, null, ClaimSql, "$owner", "$until", "$now", "$max");
            command.Parameters["$owner"].Value = claim.Owner;
            command.Parameters["$until"].Value = claim.LeasedUntil.ToUnixTimeMilliseconds();
            command.Parameters["$now"].Value = claim.Now.ToUnixTimeMilliseconds();
            command.Parameters["$max"].Value = claim.MaxCount;
            var claimed = new List<InboxMessage>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    claimed.Add(new InboxMessage(
                        reader.GetInt64(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        [],
                        reader.GetInt32(4),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
                }
            }

            using var body = Command(connection, null, "SELECT body FROM vapi_inbox_body WHERE seq = $seq", "$seq");
            for (var i = 0; i < claimed.Count; i++)
            {
                body.Parameters["$seq"].Value = claimed[i].Sequence;
                claimed[i] = claimed[i] with { Body = body.ExecuteScalar() as byte[] ?? [] };
            }

            claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return claimed;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task RenewLeasesAsync(string owner, IReadOnlyCollection<long> sequences, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        return WithConnectionAsync(connection => WithoutFlush(connection, () =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = Command(connection, transaction, "UPDATE vapi_inbox SET lease_until = $until WHERE seq = $seq AND state = 0 AND lease_owner = $owner", "$until", "$seq", "$owner");
            command.Parameters["$until"].Value = leasedUntil.ToUnixTimeMilliseconds();
            command.Parameters["$owner"].Value = owner;
            foreach (var sequence in sequences)
            {
                command.Parameters["$seq"].Value = sequence;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return true;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteHandledAsync(DateTimeOffset handledBefore, int maxCount, CancellationToken cancellationToken) => WithConnectionAsync(connection => WithoutFlush(connection, () =>
    {
        using var command = Command(connection, null, "DELETE FROM vapi_inbox WHERE seq IN (SELECT seq FROM vapi_inbox WHERE state = 1 AND finished_at < $before LIMIT $max)", "$before", "$max");
        command.Parameters["$before"].Value = handledBefore.ToUnixTimeMilliseconds();
        command.Parameters["$max"].Value = maxCount;
        return command.ExecuteNonQuery();
    }), cancellationToken);

    /// <inheritdoc />
    public Task<InboxCounts> CountAsync(CancellationToken cancellationToken) => WithConnectionAsync(connection =>
    {
        using var command = Command(connection, null, """
            SELECT
              (SELECT COUNT(*) FROM vapi_inbox WHERE state = 0),
              (SELECT COUNT(*) FROM vapi_inbox WHERE state = 0 AND lease_owner IS NOT NULL),
              (SELECT COUNT(*) FROM vapi_inbox WHERE state = 1),
              (SELECT COUNT(*) FROM vapi_inbox WHERE state = 2),
              (SELECT MIN(acknowledged_at) FROM vapi_inbox WHERE state = 0)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new InboxCounts(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxDeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken) => WithConnectionAsync<IReadOnlyList<InboxDeadLetter>>(connection =>
    {
        using var command = Command(connection, null, "SELECT message_id, call_key, type, attempts, acknowledged_at, finished_at, last_error FROM vapi_inbox WHERE state = 2 ORDER BY seq LIMIT $max", "$max");
        command.Parameters["$max"].Value = maxCount;
        using var reader = command.ExecuteReader();
        var letters = new List<InboxDeadLetter>();
        while (reader.Read())
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
    }, cancellationToken);

    /// <inheritdoc />
    public Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds, DateTimeOffset dueAt, CancellationToken cancellationToken) => WithConnectionAsync(connection =>
    {
        const string Requeue = "UPDATE vapi_inbox SET state = 0, attempts = 0, due_at = $due, finished_at = NULL, lease_owner = NULL, lease_until = NULL WHERE state = 2";
        using var transaction = connection.BeginTransaction();
        var count = 0;
        using (var command = Command(connection, transaction, messageIds is null ? Requeue : Requeue + " AND message_id = $id", "$due", "$id"))
        {
            command.Parameters["$due"].Value = dueAt.ToUnixTimeMilliseconds();
            if (messageIds is null)
            {
                count = command.ExecuteNonQuery();
            }
            else
            {
                foreach (var id in messageIds)
                {
                    command.Parameters["$id"].Value = id;
                    count += command.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
        return count;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<int> PurgeAsync(InboxMessageState state, CancellationToken cancellationToken) => WithConnectionAsync(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var bodies = Command(connection, transaction, "DELETE FROM vapi_inbox_body WHERE seq IN (SELECT seq FROM vapi_inbox WHERE state = $state)", "$state");
        bodies.Parameters["$state"].Value = (int)state;
        bodies.ExecuteNonQuery();
        using var command = Command(connection, transaction, "DELETE FROM vapi_inbox WHERE state = $state", "$state");
        command.Parameters["$state"].Value = (int)state;
        var count = command.ExecuteNonQuery();
        transaction.Commit();
        return count;
    }, cancellationToken);

    /// <inheritdoc />
    public Task ListenAsync(Action wake, CancellationToken cancellationToken)
    {
        // One process per file: its own acknowledgements wake its workers directly.
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        bool bodyInRow;
        using (var probe = connection.CreateCommand())
        {
            probe.Transaction = transaction;
            probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('vapi_inbox') WHERE name = 'body'";
            bodyInRow = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = bodyInRow ? MigrateFromBodyInRow.Replace("{schema}", Schema, StringComparison.Ordinal) : Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Leases and retention deletes need not survive a power cut: a lost lease is released at the next start anyway, a
    // lost delete is redone. Committed without their own flush, they reach the disk with the next group commit (WAL
    // frames are written in order, and FULL syncs all before it) and survive a process kill at once (the OS has them).
    private static T WithoutFlush<T>(SqliteConnection connection, Func<T> work)
    {
        Execute(connection, "PRAGMA synchronous = NORMAL");
        try
        {
            return work();
        }
        finally
        {
            Execute(connection, "PRAGMA synchronous = FULL");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // The acknowledger hands over an array of its own: store it as it is rather than copy it again.
    private static byte[] Bytes(ReadOnlyMemory<byte> body)
        => MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = _connection ?? throw new InvalidOperationException("The SQLite inbox is not initialised (or was disposed).");

            // SQLite calls are synchronous: run them off the caller's thread so that request threads never block on a flush.
            return await Task.Run(() => work(connection), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
