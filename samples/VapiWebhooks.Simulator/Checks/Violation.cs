namespace VapiWebhooks.Simulator.Checks;

/// <summary>One way a reply breaks Vapi's contract (or a scenario's expectation).</summary>
/// <param name="Rule">A short stable name: <c>status</c>, <c>schema</c>, <c>deadline</c>, <c>tool-call-ids</c>, <c>pcm</c>...</param>
/// <param name="Message">What is wrong, in one line.</param>
internal sealed record Violation(string Rule, string Message)
{
    public override string ToString() => $"{Rule}: {Message}";
}
