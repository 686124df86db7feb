using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// How long a handler may run before the reply would come too late for Vapi: per message type from
/// <see cref="VapiDeadlineOptions"/>, and per tool from the tool's own timeout.
/// </summary>
internal static class HandlerBudgets
{
    /// <summary>The budget of a message type's handler.</summary>
    public static TimeSpan ForMessage(string type, VapiWebhookOptions options)
    {
        var deadlines = options.Deadlines;
        if (deadlines.PerType is { } perType && perType.TryGetValue(type, out var specific))
        {
            return specific;
        }

        return type switch
        {
            ServerMessageTypes.AssistantRequest => deadlines.AssistantRequest,
            ServerMessageTypes.KnowledgeBaseRequest => deadlines.KnowledgeBaseRequest,
            _ => deadlines.Default,
        };
    }

    /// <summary>The budget of one tool, from the timeout configured on the tool in Vapi.</summary>
    public static TimeSpan ForTool(double? timeoutSeconds, VapiDeadlineOptions deadlines)
    {
        // Vapi's default tool timeout is 20 s; the budget keeps a margin, but never less than half the timeout.
        var timeout = TimeSpan.FromSeconds(timeoutSeconds is > 0 and <= 300 ? timeoutSeconds.Value : 20);
        var withMargin = timeout - deadlines.ToolSafetyMargin;
        var half = timeout / 2;
        return withMargin > half ? withMargin : half;
    }

    /// <summary>The tightest budget among a message's tool calls: what a whole-message answer must meet.</summary>
    public static TimeSpan ForToolCalls(List<ToolInvocation> calls, VapiWebhookOptions options)
    {
        var deadlines = options.Deadlines;
        var tightest = calls.Count == 0 ? ForTool(null, deadlines) : TimeSpan.MaxValue;
        foreach (var call in calls)
        {
            var budget = ForTool(call.Tool?.Server?.TimeoutSeconds, deadlines);
            tightest = budget < tightest ? budget : tightest;
        }

        return tightest;
    }
}
