using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using VapiWebhooks.Inbox.TestKit;

namespace VapiWebhooks.Inbox.Sqlite.Tests;

/// <summary>The inbox's behaviour on real SQLite files, one per test, in a temporary folder.</summary>
public sealed class SqliteInboxBehaviourTests : InboxBehaviourTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vapi-inbox-sqlite-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override void AddInbox(VapiWebhooksBuilder builder, string name) => builder.AddSqliteInbox(ConnectionString(name));

    protected override async Task<Func<Task>> BreakStoreAsync(string name)
    {
        // Another connection takes the table away: the inbox's next commit fails inside SQLite.
        await ExecuteAsync(name, "ALTER TABLE vapi_inbox RENAME TO vapi_inbox_away");
        return () => ExecuteAsync(name, "ALTER TABLE vapi_inbox_away RENAME TO vapi_inbox");
    }

    private string ConnectionString(string name) => $"Data Source={Path.Combine(_folder, name + ".db")};Default Timeout=5";

    private async Task ExecuteAsync(string name, string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString(name) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
