using VapiWebhooks.Simulator;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await SimulatorApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
