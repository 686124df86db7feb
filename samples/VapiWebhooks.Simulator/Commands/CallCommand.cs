using System.CommandLine;
using VapiWebhooks.Simulator.Simulation;

namespace VapiWebhooks.Simulator.Commands;

/// <summary><c>vapi-sim call --url URL</c>: plays one realistic call against the server.</summary>
internal static class CallCommand
{
    public static Command Create(Func<CommandRunner> runners)
    {
        var options = new CommonOptions();
        var caller = new Option<string>("--caller") { Description = "The caller's number (default +14155550123).", HelpName = "E164" };
        var knowledgeBase = new Option<bool>("--knowledge-base") { Description = "Send a knowledge-base-request after each user turn (automatic when the assistant has a custom knowledge base at this URL)." };
        var endpointing = new Option<bool>("--endpointing") { Description = "Send a call.endpointing.request after each user turn (automatic with a custom endpointing model at this URL)." };
        var command = new Command("call", "Play one realistic call: assistant-request, status updates, speech, transcripts, conversation updates, a tool call per tool of the returned assistant, voice requests for a custom voice, end-of-call report.");
        options.AddTo(command);
        var noControlUrl = new Option<bool>("--no-control-url") { Description = "Serve no control URL: the call's monitor.controlUrl is left out (a server that cannot reach this machine)." };
        command.Add(noControlUrl);
        command.Add(caller);
        command.Add(knowledgeBase);
        command.Add(endpointing);
        command.SetAction((result, cancellationToken) =>
        {
            var settings = options.Read(result);
            var plan = new CallPlan
            {
                CallerNumber = result.GetValue(caller) ?? Testing.VapiTestMessages.DefaultCustomerNumber,
                ForceKnowledgeBase = result.GetValue(knowledgeBase),
                ForceEndpointing = result.GetValue(endpointing),
                Seed = settings.Seed ?? 7,
                SampleRate = settings.SampleRate,
                Today = settings.Today,
                Strict = settings.Strict,
            };
            return runners().RunAsync("call", null, settings, (runner, deadlines, report, ct) => new CallSimulation(runner, deadlines, plan, report).RunAsync(ct), cancellationToken, serveControlUrl: !result.GetValue(noControlUrl));
        });
        return command;
    }
}
