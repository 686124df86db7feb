using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using static Microsoft.Playwright.Assertions;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>
/// The inspector with the durable inbox on (here its SQLite store): a dead letter shows and requeue hands it back to
/// the handlers; a stored notification, a duplicate and a replay (which runs the handlers inline) each say what
/// happened to them.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InspectorInboxTests(Browser browser)
{
    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_dead_letter_shows_in_the_inbox_view_and_is_requeued_from_it()
    {
        var handler = new Switch { Fail = true };
        await WithInboxAsync(handler, async host =>
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(host.InspectorUrl);
            await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
            await Expect(page.Locator("#inbox-tab")).ToBeVisibleAsync();

            using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress)))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await Expect(page.Locator("#exchange-rows tr[data-type='status-update'] td.outcome")).ToHaveTextAsync("stored");
            await page.Locator("#inbox-tab").ClickAsync();
            var deadLetter = page.Locator("#dead-letters tr.dead-letter");
            await Expect(deadLetter).ToHaveCountAsync(1);
            await Expect(deadLetter).ToContainTextAsync("status-update");
            await Expect(deadLetter).ToContainTextAsync("switched on");
            await Expect(page.Locator("#inbox-status")).ToContainTextAsync("dead-lettered 1");

            handler.Fail = false;
            await deadLetter.Locator("button").ClickAsync();
            await Expect(deadLetter).ToHaveCountAsync(0);
            await Expect(page.Locator("#inbox-status")).ToContainTextAsync("handled 1");
            handler.Handled.Should().Be(1);
        });
    }

    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_stored_notification_replays_inline_and_its_handlers_run_again_while_a_resent_copy_is_a_duplicate()
    {
        var handler = new Switch();
        await WithInboxAsync(handler, async host =>
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(host.InspectorUrl);
            await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

            // Stored, then handled by the inbox's worker.
            var message = VapiTestMessages.StatusUpdate(CallStatus.InProgress);
            using (var response = await host.PostAsync(message))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            var stored = page.Locator("#exchange-rows tr[data-id='1']");
            await Expect(stored.Locator("td.outcome")).ToHaveTextAsync("stored");
            await UntilAsync(() => handler.Handled == 1, "the inbox's worker handles the stored notification");

            // The same body again, as a retry from Vapi would be: acknowledged, nothing runs, and the page says so.
            using (var response = await host.PostAsync(message))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            var duplicate = page.Locator("#exchange-rows tr[data-id='2']");
            await Expect(duplicate.Locator("td.outcome")).ToHaveTextAsync("duplicate");
            await duplicate.ClickAsync();
            await Expect(page.Locator("#detail-facts")).ToContainTextAsync("duplicate: the inbox already holds this message; handlers not run");

            // The replay runs the handlers inline, in this request: counted when the page shows the new reply.
            await stored.ClickAsync();
            await Expect(page.Locator("#detail-facts")).ToContainTextAsync("stored: its handlers run in the inbox's workers");
            await page.Locator("#replay").ClickAsync();
            await Expect(page.Locator("#replay-status")).ToContainTextAsync("#3 · 200 · replied · inline, inbox bypassed");
            handler.Handled.Should().Be(2, "the worker ran the handler once, the replay once more, the duplicate never");
            var replay = page.Locator("#exchange-rows tr[data-id='3']");
            await Expect(replay.Locator("td.type")).ToHaveTextAsync("status-update (replay of #1)");
            await Expect(replay.Locator("td.outcome")).ToHaveTextAsync("replied");
            await replay.ClickAsync();
            await Expect(page.Locator("#detail-facts")).ToContainTextAsync("bypassed: handlers ran inline, in process");

            var view = await host.Client.LatestAsync(3);
            view.GetProperty("inboxBypassed").GetBoolean().Should().BeTrue();
            view.GetProperty("outcome").GetString().Should().Be("Acknowledged");
        });
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, what);
            await Task.Delay(50);
        }
    }

    private static async Task WithInboxAsync(Switch handler, Func<InspectorHost, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory("vapi-inspector-inbox-");
        try
        {
            await using var host = await InspectorHost.StartAsync(vapi: v =>
            {
                v.Services.AddSingleton(handler);
                v.AddHandler<FailingWhileSwitchedOn>()
                    .AddSqliteInbox($"Data Source={Path.Combine(folder.FullName, "inbox.db")}", o => { o.MaxAttempts = 1; o.PollInterval = TimeSpan.FromMilliseconds(100); });
            });
            await test(host);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    public sealed class Switch
    {
        private int _handled;
        private volatile bool _fail;

        public bool Fail
        {
            get => _fail;
            set => _fail = value;
        }

        public int Handled => Volatile.Read(ref _handled);

        public void CountHandled() => Interlocked.Increment(ref _handled);
    }

    private sealed class FailingWhileSwitchedOn(Switch handler) : IServerMessageHandler<StatusUpdateMessage>
    {
        public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
        {
            if (handler.Fail)
            {
                throw new InvalidOperationException("The handler is switched on to fail.");
            }

            handler.CountHandled();
            return Task.CompletedTask;
        }
    }
}
