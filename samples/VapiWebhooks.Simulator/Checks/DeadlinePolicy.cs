using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>
/// How long Vapi waits for each reply (WIRE.md, "Deadlines"): 7.5 s for <c>assistant-request</c>, each tool's
/// <c>server.timeoutSeconds</c> (default 20 s) for <c>tool-calls</c>, 10 s for a custom knowledge base, the server's
/// timeout (default 20 s) for everything else. <see cref="Scale"/> shrinks every deadline (tests use 0.01 so a "slow"
/// server need not be slow for long).
/// </summary>
internal sealed class DeadlinePolicy(double scale = 1.0)
{
    public static readonly TimeSpan AssistantRequest = TimeSpan.FromSeconds(7.5);
    public static readonly TimeSpan KnowledgeBase = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ServerDefault = TimeSpan.FromSeconds(20);

    public double Scale => scale;

    /// <summary>The deadline for a message of <paramref name="type"/>; <paramref name="serverTimeoutSeconds"/> is the
    /// configured <c>server.timeoutSeconds</c> (for tool calls: the smallest of the tools').</summary>
    public TimeSpan For(string type, double? serverTimeoutSeconds = null)
    {
        var unscaled = type switch
        {
            ServerMessageTypes.AssistantRequest => AssistantRequest,
            ServerMessageTypes.KnowledgeBaseRequest => KnowledgeBase,
            _ when serverTimeoutSeconds is > 0 => TimeSpan.FromSeconds(serverTimeoutSeconds.Value),
            _ => ServerDefault,
        };
        return unscaled * scale;
    }

    /// <summary>The deadline for a saved body: reads the tools' timeouts from <c>toolWithToolCallList</c>.</summary>
    public TimeSpan ForBody(string type, JsonElement message)
    {
        double? smallest = null;
        if (type == ServerMessageTypes.ToolCalls
            && message.TryGetProperty("toolWithToolCallList", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.Object
                    && server.TryGetProperty("timeoutSeconds", out var timeout) && timeout.TryGetDouble(out var seconds))
                {
                    smallest = smallest is null ? seconds : Math.Min(smallest.Value, seconds);
                }
            }
        }

        return For(type, smallest);
    }
}
