using VapiWebhooks.Messages;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>Which message types Vapi reads the reply of, and in what form (WIRE.md, "Message types").</summary>
internal static class ReplyKinds
{
    private static readonly HashSet<string> JsonReplyTypes = new(StringComparer.Ordinal)
    {
        ServerMessageTypes.AssistantRequest,
        ServerMessageTypes.ToolCalls,
        ServerMessageTypes.TransferDestinationRequest,
        ServerMessageTypes.HandoffDestinationRequest,
        ServerMessageTypes.KnowledgeBaseRequest,
        ServerMessageTypes.CallEndpointingRequest,
        ServerMessageTypes.CampaignPredial,
        ServerMessageTypes.FunctionCall,
    };

    /// <summary>True when Vapi reads a JSON reply body for <paramref name="type"/>.</summary>
    public static bool ExpectsJson(string type) => JsonReplyTypes.Contains(type);

    /// <summary>True when Vapi expects raw PCM back (<c>voice-request</c>).</summary>
    public static bool ExpectsPcm(string type) => type == ServerMessageTypes.VoiceRequest;
}
