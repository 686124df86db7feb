using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VapiWebhooks.Handlers;
using VapiWebhooks.Inbox.Diagnostics;
using VapiWebhooks.Inbox.Storage;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>
/// What every inbox store must do, through HTTP and the public API, on a real store. Each store's test project
/// derives from this, says how to add its inbox and how to break it, and marks each scenario as a test with the
/// attribute its store needs (a plain <c>[Fact]</c>, or one that skips when a server is not installed).
/// </summary>
public abstract class InboxBehaviourTests
{
    /// <summary>Fast retries and housekeeping, so that the tests take seconds.</summary>
    protected static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["Vapi:Webhooks:Inbox:RetryBaseDelay"] = "00:00:00.050",
        ["Vapi:Webhooks:Inbox:RetryMaxDelay"] = "00:00:00.200",
        ["Vapi:Webhooks:Inbox:PollInterval"] = "00:00:00.100",
        ["Vapi:Webhooks:Inbox:StatisticsInterval"] = "00:00:00.100",
    };

    /// <summary>The HMAC secret of the signed-request tests (the bearer token of the test host stays accepted too).</summary>
    protected const string HmacSecret = "inbox-hmac-secret-5b7d9f1a3c-6e8a0c2e4b";

    /// <summary>HMAC with replay protection (the default), beside the host's bearer token.</summary>
    protected static readonly Dictionary<string, string?> HmacSettings = new() { ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = HmacSecret };

    /// <summary>Signs <paramref name="body"/> once, so that every send carries the very same signature and timestamp.</summary>
    protected static VapiTestCredential SignedOnce(byte[] body)
        => VapiTestCredential.FromHeaders(VapiTestCredential.Hmac(new VapiHmacOptions { Secrets = [HmacSecret] }).CreateHeaders(body, "POST", new Uri("http://localhost/vapi/webhook")));

    /// <summary>Adds the store's inbox (a fresh, empty store per call unless <paramref name="name"/> repeats).</summary>
    protected abstract void AddInbox(VapiWebhooksBuilder builder, string name);

    /// <summary>Makes the store unable to commit (returns an action that repairs it).</summary>
    protected abstract Task<Func<Task>> BreakStoreAsync(string name);

    protected Task<VapiTestHost> StartAsync(string name, HandlerJournal journal, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(FastSettings);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return InboxTestHost.StartAsync(b => AddInbox(b, name), journal, all, services);
    }

    public virtual async Task A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(nameof(A_notification_is_acknowledged_once_stored_and_then_handled_with_its_stable_id_and_attempt), journal);
        var body = InboxTestHost.StatusUpdate("call-1", 1);

        using var response = await host.PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        journal.Entries.Should().ContainSingle().Which.Should().Be(new HandlerJournal.Entry("call-1", 1, InboxTestHost.MessageIdOf(body), 1, true));
        await WaitForStatusAsync(host, s => s.Handled == 1 && s.Pending == 0);
    }

    public virtual async Task Request_types_are_answered_inline_and_not_stored()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(nameof(Request_types_are_answered_inline_and_not_stored), journal, services: s => s.AddScoped<IAssistantRequestHandler, FixedAssistant>());

        using var response = await host.PostAsync("""{"message":{"type":"assistant-request","call":{"id":"call-r"}}}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("assistant-from-handler");
        var status = await host.Inbox().GetStatusAsync();
        (status.Pending + status.Handled).Should().Be(0);
    }

    public virtual async Task The_same_body_sent_again_is_acknowledged_and_handled_once()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(nameof(The_same_body_sent_again_is_acknowledged_and_handled_once), journal);
        var body = InboxTestHost.StatusUpdate("call-dup", 1);

        using (var first = await host.PostAsync(body))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        for (var i = 0; i < 3; i++)
        {
            using var again = await host.PostAsync(body);
            again.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // A different body of the same call is a different message: it is handled, and proves the worker kept going.
        using (var other = await host.PostAsync(InboxTestHost.StatusUpdate("call-dup", 2)))
        {
            other.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2);
        journal.Entries.Select(e => e.Index).Should().Equal(1, 2);

        // The handler returns before the store records it as handled: wait for the record, not just the journal.
        await WaitForStatusAsync(host, s => s.Handled == 2 && s.Pending == 0);
    }

    public virtual async Task Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently()
    {
        var journal = new HandlerJournal
        {
            // Every message of call A fails its first attempt, so each retry must still come before the next message.
            Fail = (m, d) => m.CallId == "call-A" && d!.Attempt == 1,
        };
        var bReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Hold = async (m, ct) =>
        {
            if (m.CallId == "call-B")
            {
                bReached.TrySetResult();
            }
            else if (m.CallId == "call-A")
            {
                // Call A cannot finish anything until call B has run: the calls are handled side by side.
                await bReached.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
        };
        await using var host = await StartAsync(nameof(Messages_of_one_call_are_handled_in_order_even_when_first_attempts_fail_while_other_calls_run_concurrently), journal);

        for (var i = 1; i <= 5; i++)
        {
            foreach (var call in new[] { "call-A", "call-B" })
            {
                using var response = await host.PostAsync(InboxTestHost.StatusUpdate(call, i));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 10);
        var a = journal.Entries.Where(e => e.CallId == "call-A").ToList();
        a.Select(e => (e.Index, e.Attempt, e.Succeeded)).Should().Equal(
            (1, 1, false), (1, 2, true), (2, 1, false), (2, 2, true), (3, 1, false), (3, 2, true), (4, 1, false), (4, 2, true), (5, 1, false), (5, 2, true));
        journal.Entries.Where(e => e.CallId == "call-B").Select(e => e.Index).Should().Equal(1, 2, 3, 4, 5);
    }

    public virtual async Task A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued()
    {
        var journal = new HandlerJournal { Fail = (m, d) => d!.Attempt <= 3 };
        await using var host = await StartAsync(
            nameof(A_message_failing_every_attempt_is_dead_lettered_with_its_last_error_counted_in_metrics_and_can_be_requeued),
            journal,
            new() { ["Vapi:Webhooks:Inbox:MaxAttempts"] = "3" });
        using var deadLetters = new MeasurementCounter(host.Services, VapiInboxMetrics.DeadLettersCounter);
        var body = InboxTestHost.StatusUpdate("call-dead", 1);

        using (var response = await host.PostAsync(body))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // A later message of the same call is not held back forever by a dead letter.
        using (var later = await host.PostAsync(InboxTestHost.StatusUpdate("call-dead", 2)))
        {
            later.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await WaitForStatusAsync(host, s => s.DeadLettered == 1 && s.Pending == 1 || s.Handled == 1);
        await journal.WaitUntilAsync(j => j.Entries.Count(e => e.Index == 1) == 3 && j.Entries.Any(e => e.Index == 2));
        var letter = (await host.Inbox().ListDeadLettersAsync()).Should().ContainSingle().Subject;
        letter.MessageId.Should().Be(InboxTestHost.MessageIdOf(body));
        letter.Attempts.Should().Be(3);
        letter.CallKey.Should().Be("call-dead");
        letter.LastError.Should().Contain("planned failure of attempt 3");
        deadLetters.Total.Should().Be(1);

        (await host.Inbox().RequeueDeadLettersAsync()).Should().Be(1);

        // Requeued with a fresh attempt count: attempt 1 fails again (planned), then attempt 4 of the plan is never
        // reached because the count restarted; the plan lets attempts above 3 pass, so fail only once more.
        journal.Fail = (m, d) => false;
        await journal.WaitUntilAsync(j => j.Succeeded.Any(e => e.Index == 1));
        journal.Succeeded.Single(e => e.Index == 1).Attempt.Should().Be(1);
        await WaitForStatusAsync(host, s => s.DeadLettered == 0 && s.Handled == 2);
        (await host.Inbox().ListDeadLettersAsync()).Should().BeEmpty();
    }

    public virtual async Task Dead_letters_can_be_purged()
    {
        var journal = new HandlerJournal { Fail = (_, _) => true };
        await using var host = await StartAsync(nameof(Dead_letters_can_be_purged), journal, new() { ["Vapi:Webhooks:Inbox:MaxAttempts"] = "1" });
        using (var response = await host.PostAsync(InboxTestHost.StatusUpdate("call-purge", 1)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await WaitForStatusAsync(host, s => s.DeadLettered == 1);

        (await host.Inbox().PurgeAsync(InboxMessageState.DeadLettered)).Should().Be(1);
        (await host.Inbox().GetStatusAsync()).DeadLettered.Should().Be(0);
    }

    public virtual async Task Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(
            nameof(Handled_messages_are_deleted_after_the_retention_period_and_the_same_body_is_then_new_again),
            journal,
            new()
            {
                ["Vapi:Webhooks:Inbox:RetentionPeriod"] = "00:00:00.300",
                ["Vapi:Webhooks:Inbox:CleanupInterval"] = "00:00:00.100",
                ["Vapi:Webhooks:Inbox:CleanupBatchSize"] = "2",
            });
        for (var i = 1; i <= 5; i++)
        {
            using var response = await host.PostAsync(InboxTestHost.StatusUpdate("call-retention", i));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 5);

        // Five handled messages, deleted two at a time.
        await WaitForStatusAsync(host, s => s.Handled == 0 && s.Pending == 0);
        using (var again = await host.PostAsync(InboxTestHost.StatusUpdate("call-retention", 1)))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 6);
    }

    public virtual async Task A_store_that_cannot_commit_answers_503_never_200_and_recovers()
    {
        var name = nameof(A_store_that_cannot_commit_answers_503_never_200_and_recovers);
        var journal = new HandlerJournal();
        await using var host = await StartAsync(name, journal);
        using (var warm = await host.PostAsync(InboxTestHost.StatusUpdate("call-503", 1)))
        {
            warm.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        var repair = await BreakStoreAsync(name);

        using (var refused = await host.PostAsync(InboxTestHost.StatusUpdate("call-503", 2)))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.Should().NotBeNull();
            (await refused.Content.ReadAsStringAsync()).Should().Contain("inbox_unavailable");
        }

        await repair();
        using (var accepted = await host.PostAsync(InboxTestHost.StatusUpdate("call-503", 2)))
        {
            accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2);
        journal.Succeeded.Select(e => e.Index).Should().Equal(1, 2);
    }

    public virtual async Task An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again()
    {
        var name = nameof(An_outcome_the_store_could_not_commit_is_recorded_when_it_recovers_without_running_the_handler_again);
        var journal = new HandlerJournal();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Hold = (message, ct) =>
        {
            holding.TrySetResult();
            return release.Task.WaitAsync(ct);
        };

        // The lease (a minute) outlasts the wait below: only recording the outcome again lets the next message run.
        await using var host = await StartAsync(name, journal, new() { ["Vapi:Webhooks:Inbox:LeaseDuration"] = "00:01:00" });
        using (var first = await host.PostAsync(InboxTestHost.StatusUpdate("call-outcome", 1)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var repair = await BreakStoreAsync(name);
        journal.Hold = null;
        release.SetResult();

        // The handler has returned and its outcome cannot commit until the store is repaired.
        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        await Task.Delay(300);
        await repair();
        using (var second = await host.PostAsync(InboxTestHost.StatusUpdate("call-outcome", 2)))
        {
            second.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2, TimeSpan.FromSeconds(20));
        journal.Entries.Select(e => (e.Index, e.Attempt)).Should().Equal((1L, 1), (2L, 1));
        await WaitForStatusAsync(host, s => s.Pending == 0 && s.Handled == 2);
    }

    public virtual async Task The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old()
    {
        var journal = new HandlerJournal();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Hold = (_, ct) => release.Task.WaitAsync(ct);
        await using var host = await StartAsync(
            nameof(The_health_check_turns_degraded_when_the_oldest_pending_message_is_too_old),
            journal,
            new() { ["Vapi:Webhooks:Inbox:DegradedAfter"] = "00:00:00.200" },
            s => s.AddHealthChecks().AddVapiInbox());
        var health = host.Services.GetRequiredService<HealthCheckService>();
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Healthy);

        using (var response = await host.PostAsync(InboxTestHost.StatusUpdate("call-health", 1)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await WaitForAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Degraded);
        release.SetResult();
        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        await WaitForAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy);
    }

    public virtual async Task Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start()
    {
        var name = nameof(Shutdown_lets_a_quick_handler_finish_and_returns_a_stuck_one_to_the_queue_for_the_next_start);
        var journal = new HandlerJournal();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Hold = async (m, ct) =>
        {
            started.TrySetResult();
            if (m.CallId == "call-stuck")
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        var settings = new Dictionary<string, string?> { ["Vapi:Webhooks:Inbox:ShutdownTimeout"] = "00:00:00.500" };
        await using (var host = await StartAsync(name, journal, settings))
        {
            using (var response = await host.PostAsync(InboxTestHost.StatusUpdate("call-stuck", 1)))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await host.StopAsync();
        }

        journal.Entries.Should().BeEmpty();
        journal.Hold = null;
        await using (var restarted = await StartAsync(name, journal, settings))
        {
            await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);

            // Released, not failed: the interrupted attempt is not counted.
            journal.Succeeded.Single().Attempt.Should().Be(1);
        }
    }

    public virtual async Task With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(
            nameof(With_message_types_listed_only_those_are_stored_and_the_other_notifications_are_handled_inline),
            journal,
            new() { ["Vapi:Webhooks:Inbox:MessageTypes:0"] = "end-of-call-report" });

        // Not listed: handled inside the request, as without an inbox (no delivery, so no message id or attempt).
        using (var inline = await host.PostAsync(InboxTestHost.StatusUpdate("call-types", 1)))
        {
            inline.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        journal.Entries.Should().ContainSingle().Which.Should().Be(new HandlerJournal.Entry("call-types", 1, null, 0, true));

        // Listed: stored, then handled by a worker with its delivery.
        var report = """{"message":{"type":"end-of-call-report","timestamp":1700000000002,"call":{"id":"call-types"}}}""";
        using (var stored = await host.PostAsync(report))
        {
            stored.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2);
        journal.Entries[1].Should().Be(new HandlerJournal.Entry("call-types", 2, InboxTestHost.MessageIdOf(report), 1, true));
        await WaitForStatusAsync(host, s => s.Handled == 1 && s.Pending == 0);
    }

    public virtual async Task A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once()
    {
        var name = nameof(A_signed_notification_answered_503_is_stored_when_retried_with_the_same_signature_and_handled_once);
        var journal = new HandlerJournal();
        await using var host = await StartAsync(name, journal, HmacSettings);
        using (var warm = await host.PostAsync(InboxTestHost.StatusUpdate("call-signed-503", 1)))
        {
            warm.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 1);
        var body = Encoding.UTF8.GetBytes(InboxTestHost.StatusUpdate("call-signed-503", 2));
        var signed = SignedOnce(body);
        var repair = await BreakStoreAsync(name);

        using (var refused = await host.Client.PostVapiBodyAsync(body, "/vapi/webhook", signed))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        await repair();

        // Vapi's retry carries the same signature: not a replay, since the first attempt was not answered 2xx.
        using (var retried = await host.Client.PostVapiBodyAsync(body, "/vapi/webhook", signed))
        {
            retried.StatusCode.Should().Be(HttpStatusCode.OK);
            (await retried.Content.ReadAsStringAsync()).Should().Be("{}");
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2);
        await WaitForStatusAsync(host, s => s.Handled == 2 && s.Pending == 0);
        journal.Succeeded.Select(e => e.Index).Should().Equal(1, 2);
    }

    public virtual async Task A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused()
    {
        var journal = new HandlerJournal();
        await using var host = await StartAsync(
            nameof(A_signed_notification_answered_200_and_sent_again_with_its_signature_is_acknowledged_without_effect_while_a_request_type_is_refused),
            journal,
            HmacSettings,
            s => s.AddScoped<IAssistantRequestHandler, FixedAssistant>());
        var body = Encoding.UTF8.GetBytes(InboxTestHost.StatusUpdate("call-signed-200", 1));
        var signed = SignedOnce(body);

        using (var first = await host.Client.PostVapiBodyAsync(body, "/vapi/webhook", signed))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await WaitForStatusAsync(host, s => s.Handled == 1 && s.Pending == 0);

        // The same signature again (Vapi retrying a 200 it did not see, or someone replaying it): 200, nothing new.
        for (var i = 0; i < 2; i++)
        {
            using var again = await host.Client.PostVapiBodyAsync(body, "/vapi/webhook", signed);
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await again.Content.ReadAsStringAsync()).Should().Be("{}");
        }

        // A request type answered 200 is refused when its signature comes again: its handler does not run twice.
        var request = Encoding.UTF8.GetBytes("""{"message":{"type":"assistant-request","call":{"id":"call-signed-200"}}}""");
        var requestSigned = SignedOnce(request);
        using (var answered = await host.Client.PostVapiBodyAsync(request, "/vapi/webhook", requestSigned))
        {
            answered.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var replayed = await host.Client.PostVapiBodyAsync(request, "/vapi/webhook", requestSigned))
        {
            replayed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        // A later message of the call is handled, so the worker kept going and the replays were not merely late.
        using (var later = await host.PostAsync(InboxTestHost.StatusUpdate("call-signed-200", 2)))
        {
            later.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await journal.WaitUntilAsync(j => j.Succeeded.Count == 2);
        await WaitForStatusAsync(host, s => s.Handled == 2 && s.Pending == 0);
        journal.Entries.Select(e => e.Index).Should().Equal(1, 2);
    }

    protected static async Task WaitForStatusAsync(VapiTestHost host, Func<VapiInboxStatus, bool> condition)
    {
        VapiInboxStatus? last = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            last = await host.Inbox().GetStatusAsync();
            if (condition(last))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The inbox did not reach the expected state; last: {last}");
    }

    protected static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Delay(25);
        }
    }

    private sealed class FixedAssistant : IAssistantRequestHandler
    {
        public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
            => Task.FromResult(new AssistantRequestResponse { AssistantId = "assistant-from-handler" });
    }

    /// <summary>Sums one counter's measurements from this host's meter only (other tests run in parallel).</summary>
    protected sealed class MeasurementCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public MeasurementCounter(IServiceProvider services, string name)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
