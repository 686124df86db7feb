using System.Globalization;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Simulator.Checks;
using VapiWebhooks.Simulator.Control;
using VapiWebhooks.Simulator.Http;
using VapiWebhooks.Simulator.Reporting;
using VapiWebhooks.Simulator.Schema;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>Sends one message, checks the reply, records the step in the report and shows it on the timeline.</summary>
internal sealed class StepRunner(VapiPoster poster, VapiSchemaDocument schema, SimulationReport report, ITimeline timeline, ControlUrlServer? control = null)
{
    public Uri Url => poster.Url;

    /// <summary>The call's control URL server (<c>call</c> and <c>scenario</c>), or null (<c>send</c>, <c>--no-control-url</c>).</summary>
    public ControlUrlServer? Control => control;

    public VapiSchemaDocument Schema => schema;

    public SimulationReport Report => report;

    /// <summary>Serialises <paramref name="message"/> in its envelope and sends it.</summary>
    public Task<(StepResult Step, ReplyContext Reply)> SendAsync(
        ServerMessage message, string label, TimeSpan deadline, IReadOnlyList<ExpectedToolCall>? toolCalls, CancellationToken cancellationToken)
        => SendBodyAsync(VapiJson.SerializeEnvelope(message), message.Type, label, deadline, toolCalls, source: null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> exactly as given.</summary>
    public async Task<(StepResult Step, ReplyContext Reply)> SendBodyAsync(
        byte[] body, string type, string label, TimeSpan deadline, IReadOnlyList<ExpectedToolCall>? toolCalls, string? source, CancellationToken cancellationToken)
    {
        var index = report.Steps.Count + 1;
        timeline.StepStarted(index, label);
        var exchange = await poster.PostAsync(body, deadline, cancellationToken);
        if (exchange.ConnectionFailed && report.Steps.Count == 0)
        {
            throw new UsageException($"cannot reach {poster.Url}: {exchange.TransportError}");
        }

        var reply = new ReplyContext { MessageType = type, Exchange = exchange, Schema = schema, ToolCalls = toolCalls ?? [] };
        var step = new StepResult
        {
            Index = index,
            Type = type,
            Label = label,
            Source = source,
            Status = exchange.Status,
            LatencyMs = exchange.Latency.TotalMilliseconds,
            DeadlineMs = deadline.TotalMilliseconds,
            TimeToFirstByteMs = exchange.TimeToFirstByte?.TotalMilliseconds,
            ReplyBytes = exchange.Body.Length,
        };
        step.Violations.AddRange(ReplyChecker.Check(reply));
        report.Steps.Add(step);
        return (step, reply);
    }

    /// <summary>Shows a finished step (after the caller has added its notes and expectation checks).</summary>
    public void Complete(StepResult step) => timeline.StepCompleted(step);

    /// <summary>Records and shows a command posted to the control URL (after the caller has checked it).</summary>
    public void Command(ControlEvent command)
    {
        report.Commands.Add(command);
        timeline.CommandReceived(command);
    }

    public static string Milliseconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
