using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public override Task A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt() => base.A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt();

    [Fact]
    public override Task Request_types_are_answered_inline_and_not_stored() => base.Request_types_are_answered_inline_and_not_stored();

    [Fact]
    public override Task The_same_body_sent_again_is_acknowledged_and_handled_once() => base.The_same_body_sent_again_is_acknowledged_and_handled_once();

    [Fact]
    public override Task Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently() => base.Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently();

    [Fact]
    public override Task A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued() => base.A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued();

    [Fact]
    public override Task Dead_letters_can_be_purged() => base.Dead_letters_can_be_purged();

    [Fact]
    public override Task Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again() => base.Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again();

    [Fact]
    public override Task A_store_that_cannot_commit_answers_503_never_200_and_recovers() => base.A_store_that_cannot_commit_answers_503_never_200_and_recovers();

    [Fact]
    public override Task The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old() => base.The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old();

    [Fact]
    public override Task Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start() => base.Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start();

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
