using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.Dispatch;

/// <summary>The tool calls of a message, in request order, each with its tool configuration when Vapi sent one.</summary>
internal static class ToolCallPlan
{
    public static List<Entry> From(ToolCallsMessage message)
    {
        var configs = message.ToolWithToolCallList ?? [];
        var calls = message.ToolCallList is { Count: > 0 } list
            ? list
            : [.. configs.Select(c => c.ToolCall).OfType<ToolCall>()];

        var entries = new List<Entry>(calls.Count);
        foreach (var call in calls)
        {
            var name = call.FunctionName ?? string.Empty;
            entries.Add(new Entry(call.Id ?? string.Empty, name, call.FunctionArguments, call, ConfigFor(configs, call.Id, name)));
        }

        return entries;
    }

    // The tool's configuration (its timeout) is matched by call id, else by function name.
    private static ToolWithToolCall? ConfigFor(IList<ToolWithToolCall> configs, string? id, string name)
    {
        ToolWithToolCall? byName = null;
        foreach (var config in configs)
        {
            if (id is not null && config.ToolCall?.Id == id)
            {
                return config;
            }

            if (byName is null && config.Function?.Name == name)
            {
                byName = config;
            }
        }

        return byName;
    }

    public sealed record Entry(string Id, string Name, JsonElement Arguments, ToolCall? ToolCall, ToolWithToolCall? Tool);
}
