using System.CommandLine;
using VapiWebhooks.Simulator.Simulation;

namespace VapiWebhooks.Simulator.Commands;

/// <summary><c>vapi-sim send FILE|DIR --url URL</c>: replays saved request bodies and checks the replies.</summary>
internal static class SendCommand
{
    public static Command Create(Func<CommandRunner> runners)
    {
        var options = new CommonOptions();
        var path = new Argument<string>("FILE|DIR") { Description = "A saved body ({\"message\": {...}}), or a folder of them (sent in file-name order)." };
        var command = new Command("send", "Post saved request bodies byte for byte and check each reply (status, schema, Vapi's rules, deadline).");
        command.Add(path);
        options.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var settings = options.Read(result);
            var bodies = SavedBodyReplay.Read(SavedBodyReplay.FilesAt(result.GetValue(path)!));
            return runners().RunAsync("send", null, settings, (runner, deadlines, _, ct) => new SavedBodyReplay(runner, deadlines).RunAsync(bodies, ct), cancellationToken);
        });
        return command;
    }
}
