using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.Dispatch;

/// <summary>One tool call to run: its id, function name and arguments, and the tool's configuration when Vapi sent one.</summary>
/// <param name="Id">The tool call id, repeated in the result (empty for the legacy <c>function-call</c>).</param>
/// <param name="Name">The function name the model called.</param>
/// <param name="Arguments">The arguments the model sent.</param>
/// <param name="ToolCall">The call as Vapi sent it, if any.</param>
/// <param name="Tool">The tool's configuration (its server timeout), if Vapi sent one.</param>
internal sealed record ToolInvocation(string Id, string Name, JsonElement Arguments, ToolCall? ToolCall, ToolWithToolCall? Tool)
{
    /// <summary>The tool calls of a <c>tool-calls</c> message, in request order.</summary>
    public static List<ToolInvocation> ListFrom(ToolCallsMessage message)
    {
        var configs = message.ToolWithToolCallList ?? [];
        var calls = message.ToolCallList is { Count: > 0 } list
            ? list
            : [.. configs.Select(c => c.ToolCall).OfType<ToolCall>()];

        var invocations = new List<ToolInvocation>(calls.Count);
        foreach (var call in calls)
        {
            var name = call.FunctionName ?? string.Empty;
            invocations.Add(new ToolInvocation(call.Id ?? string.Empty, name, call.FunctionArguments, call, ConfigFor(configs, call.Id, name)));
        }

        return invocations;
    }

    /// <summary>The single call of a legacy <c>function-call</c> message: no id, no configuration.</summary>
    public static ToolInvocation From(FunctionCallMessage message)
        => new(string.Empty, message.FunctionCall?.Name ?? string.Empty, message.FunctionCall?.Parameters ?? default, null, null);

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
}
