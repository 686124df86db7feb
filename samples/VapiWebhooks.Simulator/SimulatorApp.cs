using System.CommandLine;
using VapiWebhooks.Simulator.Commands;

namespace VapiWebhooks.Simulator;

/// <summary>
/// <c>vapi-sim</c>: Vapi's side of a call, for testing a server URL without a phone. Exit codes: 0 when every reply
/// followed Vapi's contract, 1 on any violation, 2 on bad input (one line on stderr).
/// </summary>
public static class SimulatorApp
{
    /// <summary>Runs the command line in <paramref name="args"/>, writing the timeline or JSON report to
    /// <paramref name="stdout"/> and problems to <paramref name="stderr"/>.</summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Live progress only on a real terminal; tests, pipes and CI logs get plain lines.
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        CommandRunner Runner() => new(stdout, interactive);

        var root = new RootCommand("vapi-sim: plays Vapi calls against your server URL and checks every reply against Vapi's contract.")
        {
            CallCommand.Create(Runner),
            SendCommand.Create(Runner),
            ScenarioCommand.Create(Runner),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The most specific error first (an unknown word beats "Required command was not provided"), on one line.
            var error = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal))) ?? parsed.Errors[0];
            await stderr.WriteLineAsync($"vapi-sim: {OneLine(error.Message)} (see vapi-sim --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException exception)
        {
            await stderr.WriteLineAsync("vapi-sim: " + OneLine(exception.Message));
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("vapi-sim: cancelled");
            return ExitCodes.BadInput;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
