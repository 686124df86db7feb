using System.Text.Json;
using VapiWebhooks.Simulator.Http;
using VapiWebhooks.Simulator.Schema;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>Everything a check needs: what was sent (type, tool calls) and what came back.</summary>
internal sealed class ReplyContext
{
    public required string MessageType { get; init; }

    public required Exchange Exchange { get; init; }

    public required VapiSchemaDocument Schema { get; init; }

    public IReadOnlyList<ExpectedToolCall> ToolCalls { get; init; } = [];

    /// <summary>The reply body parsed as JSON, once <see cref="JsonReplyCheck"/> has run (undefined otherwise).</summary>
    public JsonElement Json { get; set; }

    /// <summary>True when Vapi reads this reply: JSON and PCM types, except tool-calls whose tools are all async.</summary>
    public bool ReplyIsRead => ReplyKinds.ExpectsPcm(MessageType)
        || (ReplyKinds.ExpectsJson(MessageType) && !(ToolCalls.Count > 0 && ToolCalls.All(t => t.Async)));
}
