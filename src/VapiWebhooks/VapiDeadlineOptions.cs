namespace VapiWebhooks;

/// <summary>
/// Time budgets for handlers. Vapi stops waiting after 7.5 s for <c>assistant-request</c>, after a tool's
/// <c>server.timeoutSeconds</c> (20 s by default) for tools, and after 20 s for everything else; each budget
/// leaves a margin so that the fallback reply arrives in time.
/// </summary>
public sealed class VapiDeadlineOptions
{
    /// <summary>The hard limit Vapi applies to <c>assistant-request</c>.</summary>
    public static readonly TimeSpan AssistantRequestLimit = TimeSpan.FromSeconds(7.5);

    /// <summary>Budget for <c>assistant-request</c> (default 6 s; must stay under 7.5 s).</summary>
    public TimeSpan AssistantRequest { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Budget for <c>knowledge-base-request</c> (default 8 s; Vapi waits up to 10 s).</summary>
    public TimeSpan KnowledgeBaseRequest { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Budget for every other message (default 18 s; Vapi waits 20 s unless the server says otherwise).</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(18);

    /// <summary>
    /// Taken off each tool's <c>server.timeoutSeconds</c> to get its budget (default 2 s; never more than half
    /// the tool's timeout).
    /// </summary>
    public TimeSpan ToolSafetyMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-type budgets that override the ones above, keyed by wire type (for example <c>call.endpointing.request</c>).</summary>
    public Dictionary<string, TimeSpan> PerType { get; set; } = new(StringComparer.Ordinal);
}
