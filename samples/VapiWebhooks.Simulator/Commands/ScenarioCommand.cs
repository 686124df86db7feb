using System.CommandLine;
using VapiWebhooks.Simulator.Scenarios;
using VapiWebhooks.Simulator.Simulation;

namespace VapiWebhooks.Simulator.Commands;

/// <summary><c>vapi-sim scenario FILE [--url URL]</c>: plays a scripted call and checks its expectations.</summary>
internal static class ScenarioCommand
{
    public static Command Create(Func<CommandRunner> runners)
    {
        var options = new CommonOptions();
        var file = new Argument<string>("FILE") { Description = "A scenario (.json, .yaml or .yml): caller, turns, tool calls with expected results, expected assistant." };
        var command = new Command("scenario", "Play a scripted call and check its expectations as well as Vapi's contract: repeatable end-to-end checks for CI.");
        command.Add(file);
        options.AddTo(command);
        var noControlUrl = new Option<bool>("--no-control-url") { Description = "Serve no control URL: the call's monitor.controlUrl is left out (a server that cannot reach this machine)." };
        command.Add(noControlUrl);
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var scenario = ScenarioLoader.Load(path);
            var settings = options.Read(result, scenario.Url);
            if (settings.Url is null)
            {
                throw new UsageException($"no URL: give --url or set \"url\" in {path}");
            }

            var plan = CallPlan.FromScenario(scenario, settings);
            var name = scenario.Name ?? Path.GetFileNameWithoutExtension(path);
            return runners().RunAsync("scenario", name, settings, (runner, deadlines, report, ct) => new CallSimulation(runner, deadlines, plan, report).RunAsync(ct), cancellationToken, serveControlUrl: !result.GetValue(noControlUrl));
        });
        return command;
    }
}
