using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VapiWebhooks.Inbox.TestKit;

namespace VapiWebhooks.Inbox.PostgreSql.Tests;

/// <summary>The inbox's behaviour on a real PostgreSQL server the tests start, one database per test.</summary>
[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlInboxBehaviourTests(PostgreSqlServer server) : InboxBehaviourTests
{
    private readonly Dictionary<string, string> _databases = [];

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt() => base.A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task Request_types_are_answered_inline_and_not_stored() => base.Request_types_are_answered_inline_and_not_stored();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task The_same_body_sent_again_is_acknowledged_and_handled_once() => base.The_same_body_sent_again_is_acknowledged_and_handled_once();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently() => base.Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued() => base.A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task Dead_letters_can_be_purged() => base.Dead_letters_can_be_purged();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again() => base.Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task A_store_that_cannot_commit_answers_503_never_200_and_recovers() => base.A_store_that_cannot_commit_answers_503_never_200_and_recovers();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again() => base.An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline() => base.With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once() => base.A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused() => base.A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old() => base.The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old();

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public override Task Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start() => base.Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start();

    protected override void AddInbox(VapiWebhooksBuilder builder, string name) => builder.AddPostgreSqlInbox(Database(name));

    protected override async Task<Func<Task>> BreakStoreAsync(string name)
    {
        // Another session takes the table away: the inbox's next commit fails inside PostgreSQL.
        await ExecuteAsync(name, "ALTER TABLE vapi_inbox RENAME TO vapi_inbox_away");
        return () => ExecuteAsync(name, "ALTER TABLE vapi_inbox_away RENAME TO vapi_inbox");
    }

    private string Database(string name)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(name, out var connectionString))
            {
                // Test names are longer than PostgreSQL's 63-byte identifiers: a short hash names the database.
                var database = "t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16] + "_" + Guid.NewGuid().ToString("N")[..8];
                connectionString = server.CreateDatabaseAsync(database).GetAwaiter().GetResult();
                _databases[name] = connectionString;
            }

            return connectionString;
        }
    }

    private async Task ExecuteAsync(string name, string sql)
    {
        await using var connection = new NpgsqlConnection(Database(name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
