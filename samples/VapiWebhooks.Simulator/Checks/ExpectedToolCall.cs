namespace VapiWebhooks.Simulator.Checks;

/// <summary>A tool call the simulator sent, that the reply must answer (unless <paramref name="Async"/>: Vapi ignores those replies).</summary>
internal sealed record ExpectedToolCall(string Id, string Name, bool Async = false);
