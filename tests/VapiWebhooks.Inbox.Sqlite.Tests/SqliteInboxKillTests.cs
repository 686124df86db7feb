using VapiWebhooks.Inbox.TestKit;

namespace VapiWebhooks.Inbox.Sqlite.Tests;

/// <summary>A real process killed with SIGKILL in the middle of a load: nothing it acknowledged is lost.</summary>
public sealed class SqliteInboxKillTests : IDisposable
{
    private const int MaxConcurrency = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("vapi-inbox-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_message_acknowledged_before_a_SIGKILL_is_handled_after_the_restart_and_only_running_ones_twice()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "inbox.db")}";
        var journal = Path.Combine(_folder, "journal.txt");
        string[] settings = ["--HandlerDelayMs", "5", "--Vapi:Webhooks:Inbox:MaxConcurrency", MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        IReadOnlyCollection<string> acknowledged;
        await using (var first = await ProcessHost.StartAsync("sqlite", connectionString, journal, settings))
        {
            var killed = 0;
            acknowledged = await ProcessHost.LoadAsync(first.Client, senders: 16, calls: 40, max: 5000, stop: count =>
            {
                // Kill mid-load, once enough is acknowledged that handlers are surely behind and running.
                if (count >= 600 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    first.Kill();
                }

                return Volatile.Read(ref killed) == 1;
            });
            killed.Should().Be(1, "the load must still be running when the process is killed");
        }

        var beforeRestart = ProcessHost.ReadJournal(journal).Select(e => e.MessageId).ToHashSet();
        beforeRestart.Should().NotBeEquivalentTo(acknowledged, "some acknowledged messages must be unhandled at the kill for the test to mean anything");

        await using (var second = await ProcessHost.StartAsync("sqlite", connectionString, journal, settings))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!acknowledged.All(ProcessHost.ReadJournal(journal).Select(e => e.MessageId).ToHashSet().Contains) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        var handled = ProcessHost.ReadJournal(journal);
        var handledIds = handled.Select(e => e.MessageId).ToHashSet();
        acknowledged.Where(id => !handledIds.Contains(id)).Should().BeEmpty("every acknowledged message is handled after the restart");
        var twice = handled.GroupBy(e => e.MessageId).Where(g => g.Count() > 1).ToList();
        twice.Count.Should().BeLessThanOrEqualTo(MaxConcurrency, "only handlers running at the kill (at most MaxConcurrency) may run again");
        // Where, not OnlyContain: no re-run is a valid outcome, and OnlyContain fails on an empty list.
        twice.Where(g => g.Min(e => e.Attempt) != 1 || g.Max(e => e.Attempt) != 2).Should().BeEmpty("a re-run is the next attempt of a message interrupted at its first");
    }
}
