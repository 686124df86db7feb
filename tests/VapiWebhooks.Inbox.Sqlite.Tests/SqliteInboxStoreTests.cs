using System.Text;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Sqlite.Tests;

/// <summary>What the SQLite store keeps true about its file: the claim's plan and the layout of earlier builds.</summary>
public sealed class SqliteInboxStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vapi-inbox-sqlite-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_claim_walks_the_queue_index_in_order_instead_of_reading_and_sorting_every_pending_message()
    {
        var file = Path.Combine(_folder, "plan.db");
        await using (var store = new SqliteInboxStore($"Data Source={file}"))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        var plan = await QueryAsync(file, "EXPLAIN QUERY PLAN " + SqliteInboxStore.ClaimSql.Replace("RETURNING", "-- RETURNING", StringComparison.Ordinal), ("$owner", "o"), ("$until", 1L), ("$now", 1L), ("$max", 8));

        // With an index on every state the planner chose it for state = 0, then sorted all pending rows (a temp B-tree).
        plan.Should().Contain(step => step.Contains("USING INDEX vapi_inbox_queue", StringComparison.Ordinal));
        plan.Should().NotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_of_an_earlier_build_with_the_body_in_the_row_is_migrated_and_its_pending_message_is_claimed_with_its_body()
    {
        var file = Path.Combine(_folder, "earlier.db");
        var body = Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","status":"ended","call":{"id":"call-old"}}}""");
        await ExecuteAsync(file, """
            CREATE TABLE vapi_inbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, call_key TEXT NOT NULL, type TEXT NOT NULL,
                body BLOB NOT NULL, state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, due_at INTEGER NOT NULL,
                acknowledged_at INTEGER NOT NULL, finished_at INTEGER NULL, last_error TEXT NULL, lease_owner TEXT NULL, lease_until INTEGER NULL);
            CREATE INDEX vapi_inbox_queue ON vapi_inbox (seq) WHERE state = 0;
            CREATE INDEX vapi_inbox_call ON vapi_inbox (call_key, seq) WHERE state = 0;
            CREATE INDEX vapi_inbox_finished ON vapi_inbox (state, finished_at);
            INSERT INTO vapi_inbox (message_id, call_key, type, body, state, due_at, acknowledged_at, finished_at) VALUES ('handled-1', 'call-old', 'status-update', X'', 1, 0, 1000, 2000);
            INSERT INTO vapi_inbox (message_id, call_key, type, body, due_at, acknowledged_at) VALUES ('pending-2', 'call-old', 'status-update', $body, 0, 3000);
            """, ("$body", body));

        await using var store = new SqliteInboxStore($"Data Source={file}");
        await store.InitializeAsync(CancellationToken.None);

        var now = DateTimeOffset.FromUnixTimeMilliseconds(10_000);
        var claimed = await store.ClaimAsync(new InboxClaim("owner", 8, now, now.AddMinutes(1)), CancellationToken.None);
        claimed.Should().ContainSingle();
        claimed[0].MessageId.Should().Be("pending-2");
        claimed[0].Body.Should().Equal(body);
        claimed[0].Attempt.Should().Be(1);
        (await store.CountAsync(CancellationToken.None)).Handled.Should().Be(1);

        // The same body again is still a retry: the unique message id survived the move.
        var again = new InboxEntry("pending-2", "call-old", "status-update", body, now);
        (await store.WriteAsync([InboxWrite.Append(again)], CancellationToken.None)).Should().Equal(false);
        (await QueryAsync(file, "SELECT name FROM sqlite_master WHERE name = 'vapi_inbox_old' OR name = 'vapi_inbox_finished'")).Should().BeEmpty();
    }

    private static async Task ExecuteAsync(string file, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(file);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(string file, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(file);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
