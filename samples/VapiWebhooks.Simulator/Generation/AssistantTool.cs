using System.Text.Json;

namespace VapiWebhooks.Simulator.Generation;

/// <summary>A function tool of the chosen assistant (<c>model.tools[i]</c> with <c>type: "function"</c>).</summary>
internal sealed record AssistantTool(
    string Name,
    string? Description,
    JsonElement? Parameters,
    string? ServerUrl,
    double? TimeoutSeconds,
    bool Async,
    JsonElement? Messages);
