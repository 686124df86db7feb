using System.Collections.Frozen;

namespace VapiWebhooks.Messages;

/// <summary>
/// The one list of message types: every wire <c>type</c> this library reads, its class, and how Vapi treats it.
/// The converter, the notification routes, the <c>serverMessages</c> computation and the JSON-context check are
/// derived from it; adding a message type is its class plus one line here.
/// </summary>
internal static class ServerMessageTypeTable
{
    /// <summary>Every known wire type: first the ones Vapi accepts in <c>assistant.serverMessages</c>, in the order of its enum; then the request types switched on elsewhere.</summary>
    public static IReadOnlyList<ServerMessageTypeEntry> All { get; } =
    [
        Type<AssistantStartedMessage>(ServerMessageTypes.AssistantStarted, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<AssistantSpeechMessage>(ServerMessageTypes.AssistantSpeechStarted, ServerMessageTraits.Subscribable),
        Type<ConversationUpdateMessage>(ServerMessageTypes.ConversationUpdate, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<EndOfCallReportMessage>(ServerMessageTypes.EndOfCallReport, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<FunctionCallMessage>(ServerMessageTypes.FunctionCall, ServerMessageTraits.Subscribable),
        Type<HangMessage>(ServerMessageTypes.Hang, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<LanguageChangedMessage>(ServerMessageTypes.LanguageChanged, ServerMessageTraits.Subscribable),
        Type<LanguageChangeDetectedMessage>(ServerMessageTypes.LanguageChangeDetected, ServerMessageTraits.Subscribable),
        Type<ModelOutputMessage>(ServerMessageTypes.ModelOutput, ServerMessageTraits.Subscribable),
        Type<PhoneCallControlMessage>(ServerMessageTypes.PhoneCallControl, ServerMessageTraits.Subscribable),
        Type<SpeechUpdateMessage>(ServerMessageTypes.SpeechUpdate, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<StatusUpdateMessage>(ServerMessageTypes.StatusUpdate, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<TranscriptMessage>(ServerMessageTypes.Transcript, ServerMessageTraits.Subscribable),
        Type<TranscriptMessage>(ServerMessageTypes.TranscriptFinal, ServerMessageTraits.Subscribable | ServerMessageTraits.Alias),
        Type<ToolCallsMessage>(ServerMessageTypes.ToolCalls, ServerMessageTraits.Subscribable),
        Type<TransferDestinationRequestMessage>(ServerMessageTypes.TransferDestinationRequest, ServerMessageTraits.Subscribable),
        Type<HandoffDestinationRequestMessage>(ServerMessageTypes.HandoffDestinationRequest, ServerMessageTraits.Subscribable),
        Type<TransferUpdateMessage>(ServerMessageTypes.TransferUpdate, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<UserInterruptedMessage>(ServerMessageTypes.UserInterrupted, ServerMessageTraits.Subscribable | ServerMessageTraits.CatchAllDefault),
        Type<VoiceInputMessage>(ServerMessageTypes.VoiceInput, ServerMessageTraits.Subscribable),
        Type<ChatCreatedMessage>(ServerMessageTypes.ChatCreated, ServerMessageTraits.Subscribable),
        Type<ChatDeletedMessage>(ServerMessageTypes.ChatDeleted, ServerMessageTraits.Subscribable),
        Type<SessionCreatedMessage>(ServerMessageTypes.SessionCreated, ServerMessageTraits.Subscribable),
        Type<SessionUpdatedMessage>(ServerMessageTypes.SessionUpdated, ServerMessageTraits.Subscribable),
        Type<SessionDeletedMessage>(ServerMessageTypes.SessionDeleted, ServerMessageTraits.Subscribable),
        Type<CallDeletedMessage>(ServerMessageTypes.CallDeleted, ServerMessageTraits.Subscribable),
        Type<CallDeleteFailedMessage>(ServerMessageTypes.CallDeleteFailed, ServerMessageTraits.Subscribable),
        Type<CallArtifactUploadMessage>(ServerMessageTypes.CallArtifactUpload, ServerMessageTraits.Subscribable),

        // Requests that are not subscribed to but switched on elsewhere (see VapiServerMessages).
        Type<AssistantRequestMessage>(ServerMessageTypes.AssistantRequest),
        Type<KnowledgeBaseRequestMessage>(ServerMessageTypes.KnowledgeBaseRequest),
        Type<VoiceRequestMessage>(ServerMessageTypes.VoiceRequest),
        Type<CallEndpointingRequestMessage>(ServerMessageTypes.CallEndpointingRequest),
        Type<CampaignPredialMessage>(ServerMessageTypes.CampaignPredial),
    ];

    /// <summary>The entries by wire type, aliases included.</summary>
    public static FrozenDictionary<string, ServerMessageTypeEntry> ByWireType { get; } =
        All.ToFrozenDictionary(e => e.WireType, StringComparer.Ordinal);

    /// <summary>The canonical entry of each message class (not the aliases).</summary>
    public static FrozenDictionary<Type, ServerMessageTypeEntry> ByMessageType { get; } =
        All.Where(e => !e.Traits.HasFlag(ServerMessageTraits.Alias)).ToFrozenDictionary(e => e.MessageType);

    private static ServerMessageTypeEntry<TMessage> Type<TMessage>(string wireType, ServerMessageTraits traits = ServerMessageTraits.None)
        where TMessage : ServerMessage
        => new(wireType, traits);
}
