using System.Globalization;
using System.Text.Json;

namespace VapiWebhooks.Simulator.Generation;

/// <summary>
/// What an <c>assistant-request</c> reply chose, read the way Vapi reads it: an inline assistant (with its function tools,
/// voice, knowledge base and endpointing plan), an assistant, squad or workflow by id or inline, a transfer, or an error.
/// </summary>
internal sealed class AssistantProfile
{
    public const string CustomVoiceProvider = "custom-voice";

    /// <summary>What was chosen: <c>assistant</c>, <c>assistantId</c>, <c>squad</c>, <c>squadId</c>, <c>workflow</c>,
    /// <c>workflowId</c>, <c>destination</c>, <c>error</c>, or <c>none</c>.</summary>
    public string Kind { get; private init; } = "none";

    public string? AssistantId { get; private init; }

    public string? Name { get; private init; }

    public string? SquadId { get; private init; }

    public string? WorkflowId { get; private init; }

    /// <summary>The transfer destination's number or SIP URI.</summary>
    public string? Destination { get; private init; }

    public string? Error { get; private init; }

    /// <summary>The inline assistant as sent, to attach to later messages as Vapi does.</summary>
    public JsonElement? InlineAssistant { get; private init; }

    public string? FirstMessage { get; private init; }

    public string? SystemPrompt { get; private init; }

    public IReadOnlyList<AssistantTool> Tools { get; private init; } = [];

    /// <summary>Tool ids stored on Vapi (<c>model.toolIds</c>): their definitions are not in the reply.</summary>
    public IReadOnlyList<string> ToolIds { get; private init; } = [];

    public bool UsesCustomVoice { get; private init; }

    public string? VoiceServerUrl { get; private init; }

    public double? VoiceTimeoutSeconds { get; private init; }

    public bool UsesCustomKnowledgeBase { get; private init; }

    public string? KnowledgeBaseServerUrl { get; private init; }

    public bool UsesCustomEndpointing { get; private init; }

    public string? EndpointingServerUrl { get; private init; }

    /// <summary>The assistant's <c>server.timeoutSeconds</c>, the deadline for its other messages.</summary>
    public double? ServerTimeoutSeconds { get; private init; }

    public bool CallStarts => Kind is "assistant" or "assistantId" or "squad" or "squadId" or "workflow" or "workflowId";

    public static AssistantProfile None { get; } = new();

    public static AssistantProfile Read(JsonElement reply)
    {
        if (reply.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        if (String(reply, "error") is { } error)
        {
            return new AssistantProfile { Kind = "error", Error = error };
        }

        if (reply.TryGetProperty("destination", out var destination) && destination.ValueKind == JsonValueKind.Object)
        {
            return new AssistantProfile { Kind = "destination", Destination = String(destination, "number") ?? String(destination, "sipUri") };
        }

        if (reply.TryGetProperty("assistant", out var assistant) && assistant.ValueKind == JsonValueKind.Object)
        {
            return ReadInline(assistant);
        }

        if (String(reply, "assistantId") is { } assistantId)
        {
            return new AssistantProfile { Kind = "assistantId", AssistantId = assistantId };
        }

        if (String(reply, "squadId") is { } squadId)
        {
            return new AssistantProfile { Kind = "squadId", SquadId = squadId };
        }

        if (reply.TryGetProperty("squad", out var squad) && squad.ValueKind == JsonValueKind.Object)
        {
            return new AssistantProfile { Kind = "squad", Name = String(squad, "name") };
        }

        if (String(reply, "workflowId") is { } workflowId)
        {
            return new AssistantProfile { Kind = "workflowId", WorkflowId = workflowId };
        }

        return reply.TryGetProperty("workflow", out var workflow) && workflow.ValueKind == JsonValueKind.Object
            ? new AssistantProfile { Kind = "workflow", Name = String(workflow, "name") }
            : None;
    }

    /// <summary>One line for the timeline.</summary>
    public string Describe() => Kind switch
    {
        "assistant" => string.Create(CultureInfo.InvariantCulture,
            $"inline assistant \"{Name ?? "(unnamed)"}\": {Tools.Count} function tool(s){(UsesCustomVoice ? ", custom-voice" : string.Empty)}{(UsesCustomKnowledgeBase ? ", custom knowledge base" : string.Empty)}{(UsesCustomEndpointing ? ", custom endpointing" : string.Empty)}"),
        "assistantId" => $"assistant by id {AssistantId} (its tools live on Vapi: list them in a scenario to call them)",
        "squadId" => $"squad by id {SquadId}",
        "squad" => $"inline squad \"{Name ?? "(unnamed)"}\"",
        "workflowId" => $"workflow by id {WorkflowId}",
        "workflow" => $"inline workflow \"{Name ?? "(unnamed)"}\"",
        "destination" => $"transfer to {Destination ?? "(destination)"} before the call starts",
        "error" => $"call rejected: \"{Error}\"",
        _ => "no assistant chosen",
    };

    private static AssistantProfile ReadInline(JsonElement assistant)
    {
        var tools = new List<AssistantTool>();
        var toolIds = new List<string>();
        string? systemPrompt = null;
        var usesKnowledgeBase = false;
        string? knowledgeBaseUrl = null;
        if (assistant.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object)
        {
            if (model.TryGetProperty("tools", out var toolArray) && toolArray.ValueKind == JsonValueKind.Array)
            {
                tools.AddRange(toolArray.EnumerateArray().Select(ReadTool).OfType<AssistantTool>());
            }

            if (model.TryGetProperty("toolIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                toolIds.AddRange(ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!));
            }

            if (model.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                systemPrompt = messages.EnumerateArray().Where(m => String(m, "role") == "system").Select(m => String(m, "content")).FirstOrDefault();
            }

            if (model.TryGetProperty("knowledgeBase", out var knowledgeBase) && String(knowledgeBase, "provider") == "custom-knowledge-base")
            {
                usesKnowledgeBase = true;
                knowledgeBaseUrl = ServerUrl(knowledgeBase);
            }
        }

        var usesCustomVoice = false;
        string? voiceUrl = null;
        double? voiceTimeout = null;
        if (assistant.TryGetProperty("voice", out var voice) && String(voice, "provider") == CustomVoiceProvider)
        {
            usesCustomVoice = true;
            voiceUrl = ServerUrl(voice);
            voiceTimeout = ServerTimeout(voice);
        }

        var usesEndpointing = false;
        string? endpointingUrl = null;
        if (assistant.TryGetProperty("startSpeakingPlan", out var plan) && plan.ValueKind == JsonValueKind.Object
            && plan.TryGetProperty("smartEndpointingPlan", out var endpointing) && String(endpointing, "provider") == "custom-endpointing-model")
        {
            usesEndpointing = true;
            endpointingUrl = ServerUrl(endpointing);
        }

        return new AssistantProfile
        {
            Kind = "assistant",
            Name = String(assistant, "name"),
            InlineAssistant = assistant.Clone(),
            FirstMessage = String(assistant, "firstMessage"),
            SystemPrompt = systemPrompt,
            Tools = tools,
            ToolIds = toolIds,
            UsesCustomVoice = usesCustomVoice,
            VoiceServerUrl = voiceUrl,
            VoiceTimeoutSeconds = voiceTimeout,
            UsesCustomKnowledgeBase = usesKnowledgeBase,
            KnowledgeBaseServerUrl = knowledgeBaseUrl,
            UsesCustomEndpointing = usesEndpointing,
            EndpointingServerUrl = endpointingUrl,
            ServerTimeoutSeconds = ServerTimeout(assistant),
        };
    }

    private static AssistantTool? ReadTool(JsonElement tool)
    {
        if (String(tool, "type") != "function" || !tool.TryGetProperty("function", out var function) || String(function, "name") is not { } name)
        {
            return null;
        }

        return new AssistantTool(
            name,
            String(function, "description"),
            function.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object ? parameters.Clone() : null,
            ServerUrl(tool),
            ServerTimeout(tool),
            tool.TryGetProperty("async", out var isAsync) && isAsync.ValueKind == JsonValueKind.True,
            tool.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array ? messages.Clone() : null);
    }

    private static string? ServerUrl(JsonElement owner) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("server", out var server) ? String(server, "url") : null;

    private static double? ServerTimeout(JsonElement owner) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.Object
        && server.TryGetProperty("timeoutSeconds", out var timeout) && timeout.TryGetDouble(out var seconds)
            ? seconds
            : null;

    private static string? String(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
