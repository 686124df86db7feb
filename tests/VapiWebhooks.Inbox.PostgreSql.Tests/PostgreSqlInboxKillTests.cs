using System.Globalization;
using VapiWebhooks.Inbox.TestKit;

namespace VapiWebhooks.Inbox.PostgreSql.Tests;

/// <summary>Two real instances on one database; one is killed with SIGKILL in the middle of a load.</summary>
[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlInboxKillTests(PostgreSqlServer server, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int MaxConcurrency = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("vapi-inbox-pg-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [RequiresToolFact(PostgreSqlServer.InitDb, PostgreSqlServer.PgCtl, InstallHint = PostgreSqlServer.InstallHint)]
    public async Task Every_message_the_killed_instance_acknowledged_is_handled_by_the_surviving_one_and_only_running_ones_twice()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<string>();
        var connectionString = await server.CreateDatabaseAsync("kill_" + Guid.NewGuid().ToString("N")[..8]);
        var journalA = Path.Combine(_folder, "a.txt");
        var journalB = Path.Combine(_folder, "b.txt");
        string[] settings =
        [
            "--HandlerDelayMs", "5",
            "--Vapi:Webhooks:Inbox:MaxConcurrency", MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            "--Vapi:Webhooks:Inbox:LeaseDuration", "00:00:05",
        ];
        // Started side by side: a process start is the slowest part of this test on a busy machine.
        var starting = ProcessHost.StartAsync("postgresql", connectionString, journalB, settings);
        var victimStarting = ProcessHost.StartAsync("postgresql", connectionString, journalA, settings);
        await using var survivor = await starting;
        IReadOnlyCollection<string> acknowledged;
        await using (var victim = await victimStarting)
        {
            phases.Add($"both up {clock.ElapsedMilliseconds} ms");
            var killed = 0;
            acknowledged = await ProcessHost.LoadAsync(victim.Client, senders: 16, calls: 40, max: 5000, stop: count =>
            {
                if (count >= 600 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    victim.Kill();
                }

                return Volatile.Read(ref killed) == 1;
            });
            killed.Should().Be(1, "the load must still be running when the instance is killed");
        }

        phases.Add($"killed {clock.ElapsedMilliseconds} ms");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!acknowledged.All(ProcessHost.ReadJournal(journalA, journalB).Select(e => e.MessageId).ToHashSet().Contains) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        phases.Add($"all handled {clock.ElapsedMilliseconds} ms");
        var handled = ProcessHost.ReadJournal(journalA, journalB);
        var handledIds = handled.Select(e => e.MessageId).ToHashSet();
        acknowledged.Where(id => !handledIds.Contains(id)).Should().BeEmpty("every acknowledged message is handled by the surviving instance");
        ProcessHost.ReadJournal(journalB).Should().NotBeEmpty("the surviving instance shares the work");
        var twice = handled.GroupBy(e => e.MessageId).Where(g => g.Count() > 1).ToList();
        var handledByVictim = ProcessHost.ReadJournal(journalA).Select(e => e.MessageId).ToHashSet();
        // Where, not OnlyContain: no message handled twice is a valid outcome, and OnlyContain fails on an empty list.
        twice.Where(g => !handledByVictim.Contains(g.Key)).Should().BeEmpty("a message handled twice was first run by the killed instance");
        twice.Count.Should().BeLessThanOrEqualTo(MaxConcurrency, "only handlers running in the killed instance (at most MaxConcurrency) may run again");
        output.WriteLine($"acknowledged {acknowledged.Count}, handled by the victim {handledByVictim.Count}, twice {twice.Count}, phases: {string.Join(", ", phases)}");
        twice.Where(g => g.Count() != 2 || g.Max(e => e.Attempt) != g.Min(e => e.Attempt) + 1).Should().BeEmpty("a re-run is the next attempt of the interrupted one");
    }
}
