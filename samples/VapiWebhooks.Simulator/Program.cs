using VapiWebhooks.Simulator;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await SimulatorApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);

// Declared so that it stays internal: the Testing package brings the ASP.NET Core shared framework, whose source
// generator makes a top-level Program public, and the sample host's tests reference both this tool and the sample
// host (CS0433: Program in both).
internal partial class Program;
