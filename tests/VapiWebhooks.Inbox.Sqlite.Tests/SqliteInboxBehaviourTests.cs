using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Inbox.Diagnostics;
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
    public override Task An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again() => base.An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again();

    [Fact]
    public override Task The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old() => base.The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old();

    [Fact]
    public override Task Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start() => base.Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start();

    [Fact]
    public override Task With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline() => base.With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline();

    [Fact]
    public override Task A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once() => base.A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once();

    [Fact]
    public override Task A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused() => base.A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused();

    [Fact]
    public async Task Concurrent_acknowledgements_share_commits_on_a_real_file()
    {
        const int count = 64;
        var name = nameof(Concurrent_acknowledgements_share_commits_on_a_real_file);
        var journal = new HandlerJournal();

        // Handlers wait, so that no handling outcome is committed during the burst: every commit counted is appends.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Hold = (_, ct) => release.Task.WaitAsync(ct);
        await using var host = await StartAsync(name, journal);
        using var commits = new MeasurementCounter(host.Services, VapiInboxMetrics.CommitsCounter);
        using var acknowledged = new MeasurementCounter(host.Services, VapiInboxMetrics.AcknowledgedCounter);

        Task<HttpResponseMessage[]> burst;
        await using (var writeLock = new SqliteConnection(ConnectionString(name) + ";Pooling=false"))
        {
            // Another connection holds the file's write lock, so the first commit waits (within the store's busy
            // timeout) while the other requests queue behind it; the assertion does not depend on how many queued.
            await writeLock.OpenAsync();
            await using var transaction = await writeLock.BeginTransactionAsync();
            burst = Task.WhenAll(Enumerable.Range(1, count).Select(i => host.PostAsync(InboxTestHost.StatusUpdate("call-group-" + i, 1))));
            await Task.Delay(500);
            await transaction.RollbackAsync();
        }

        var responses = await burst;
        try
        {
            responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(System.Net.HttpStatusCode.OK);
            acknowledged.Total.Should().Be(count);
            commits.Total.Should().BeInRange(1, count - 1, "{0} acknowledgements arrived together and a commit carries all that queued while the previous one was in flight", count);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }

            release.SetResult();
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == count);
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
