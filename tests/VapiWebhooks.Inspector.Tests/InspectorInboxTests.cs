using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using static Microsoft.Playwright.Assertions;

namespace VapiWebhooks.Inspector.Tests;

/// <summary>The inspector's inbox view (with the durable inbox on, here its SQLite store): a dead letter shows, and requeue hands it back to the handlers.</summary>
[Collection(BrowserGroup.Name)]
public sealed class InspectorInboxTests(Browser browser)
{
    [RequiresToolFact(Browser.Tool, InstallHint = Browser.InstallHint)]
    public async Task A_dead_letter_shows_in_the_inbox_view_and_is_requeued_from_it()
    {
        var folder = Directory.CreateTempSubdirectory("vapi-inspector-inbox-");
        try
        {
            var handler = new Switch();
            await using (var host = await InspectorHost.StartAsync(vapi: v =>
            {
                v.Services.AddSingleton(handler);
                v.AddHandler<FailingWhileSwitchedOn>()
                    .AddSqliteInbox($"Data Source={Path.Combine(folder.FullName, "inbox.db")}", o => { o.MaxAttempts = 1; o.PollInterval = TimeSpan.FromMilliseconds(100); });
            }))
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(host.InspectorUrl);
                await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
                await Expect(page.Locator("#inbox-tab")).ToBeVisibleAsync();

                using (var response = await host.PostAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress)))
                {
                    response.StatusCode.Should().Be(HttpStatusCode.OK);
                }

                await Expect(page.Locator("#exchange-rows tr[data-type='status-update'] td.outcome")).ToHaveTextAsync("replied");
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
            }
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
        private volatile bool _fail = true;

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
