using System.Diagnostics;
using VapiWebhooks.Simulator.Checks;
using VapiWebhooks.Simulator.Control;
using VapiWebhooks.Simulator.Http;
using VapiWebhooks.Simulator.Reporting;
using VapiWebhooks.Simulator.Schema;
using VapiWebhooks.Simulator.Simulation;

namespace VapiWebhooks.Simulator.Commands;

/// <summary>What every command does around its own steps: the HTTP client, the schema, the report, the timeline, the
/// JSON output and the exit code.</summary>
internal sealed class CommandRunner(TextWriter stdout, bool interactive)
{
    public async Task<int> RunAsync(
        string command,
        string? scenario,
        RunSettings settings,
        Func<StepRunner, DeadlinePolicy, SimulationReport, CancellationToken, Task> steps,
        CancellationToken cancellationToken,
        bool serveControlUrl = false)
    {
        var url = settings.Url ?? throw new UsageException("--url is required");
        var schemaLoad = VapiSchemaDocument.LoadSharedAsync();
        var report = new SimulationReport
        {
            Command = command,
            Scenario = scenario,
            Url = url.AbsoluteUri,
            Authentication = settings.Authentication.Description,
            DeadlineScale = settings.DeadlineScale,
        };
        ITimeline timeline = settings.Json && settings.JsonOut is null
            ? new SilentTimeline()
            : interactive ? new LiveTimeline(stdout) : new PlainTimeline(stdout);

        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("vapi-sim/0.1");
        var poster = new VapiPoster(client, url, settings.Authentication);
        // The call's control URL: the server under test posts its commands (say, end-call, async tool results...) here.
        await using var control = serveControlUrl ? await ControlUrlServer.StartAsync(cancellationToken) : null;
        var runner = new StepRunner(poster, await schemaLoad, report, timeline, control);

        var clock = Stopwatch.StartNew();
        timeline.Begin(report);
        await steps(runner, new DeadlinePolicy(settings.DeadlineScale), report, cancellationToken);
        report.DurationMs = clock.Elapsed.TotalMilliseconds;
        timeline.End(report);

        if (settings.Json || settings.JsonOut is not null)
        {
            var json = JsonReportWriter.ToJson(report);
            if (settings.JsonOut is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, json, cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot write {path}: {exception.Message}", exception);
                }
            }
            else
            {
                await stdout.WriteLineAsync(json);
                await stdout.FlushAsync(cancellationToken);
            }
        }

        return report.Passed ? ExitCodes.Clean : ExitCodes.Violations;
    }
}
