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
        var encryptPaths = new Option<string[]>("--encrypt-path") { Description = "Encrypt this tool argument path (ssn, payment.cardNumber) as Vapi does with a credential's encryptionPlan; repeat for several. Needs --public-key.", HelpName = "PATH", AllowMultipleArgumentsPerToken = false };
        var publicKey = new Option<FileInfo>("--public-key") { Description = "The public key PEM file pasted into the Vapi credential (openssl rsa -in private-key.pem -pubout).", HelpName = "FILE" };
        var command = new Command("call", "Play one realistic call: assistant-request, status updates, speech, transcripts, conversation updates, a tool call per tool of the returned assistant, voice requests for a custom voice, end-of-call report.");
        options.AddTo(command);
        var noControlUrl = new Option<bool>("--no-control-url") { Description = "Serve no control URL: the call's monitor.controlUrl is left out (a server that cannot reach this machine)." };
        command.Add(noControlUrl);
        command.Add(caller);
        command.Add(knowledgeBase);
        command.Add(endpointing);
        command.Add(encryptPaths);
        command.Add(publicKey);
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
                EncryptedPaths = result.GetValue(encryptPaths) ?? [],
                PublicKeyPem = ReadPublicKey(result.GetValue(publicKey), result.GetValue(encryptPaths)),
            };
            return runners().RunAsync("call", null, settings, (runner, deadlines, report, ct) => new CallSimulation(runner, deadlines, plan, report).RunAsync(ct), cancellationToken, serveControlUrl: !result.GetValue(noControlUrl));
        });
        return command;
    }

    private static string? ReadPublicKey(FileInfo? file, string[]? paths)
    {
        if (file is null)
        {
            return paths is { Length: > 0 } ? throw new UsageException("--encrypt-path needs --public-key, the public key PEM file pasted into Vapi") : null;
        }

        if (paths is not { Length: > 0 })
        {
            throw new UsageException("--public-key applies to --encrypt-path");
        }

        if (!file.Exists)
        {
            throw new UsageException($"--public-key '{file.FullName}' does not exist");
        }

        var pem = File.ReadAllText(file.FullName);
        using var rsa = System.Security.Cryptography.RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--public-key '{file.FullName}' is not a PEM RSA public key");
        }

        return pem;
    }
}
