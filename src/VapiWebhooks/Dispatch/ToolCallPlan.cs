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
            var config = configs.FirstOrDefault(c => c.ToolCall?.Id is { } id && id == call.Id)
                ?? configs.FirstOrDefault(c => c.Function?.Name == name);
            entries.Add(new Entry(call.Id ?? string.Empty, name, call.FunctionArguments, call, config));
        }

        return entries;
    }

    public sealed record Entry(string Id, string Name, JsonElement Arguments, ToolCall? ToolCall, ToolWithToolCall? Tool);
}
