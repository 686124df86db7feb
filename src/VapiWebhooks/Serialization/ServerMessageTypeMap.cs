using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Maps wire type strings to message classes and back.</summary>
public static class ServerMessageTypeMap
{
    private static readonly FrozenDictionary<string, Type> ByWireType = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ServerMessageTypes.AssistantRequest] = typeof(AssistantRequestMessage),
        [ServerMessageTypes.ConversationUpdate] = typeof(ConversationUpdateMessage),
        [ServerMessageTypes.EndOfCallReport] = typeof(EndOfCallReportMessage),
        [ServerMessageTypes.HandoffDestinationRequest] = typeof(HandoffDestinationRequestMessage),
        [ServerMessageTypes.Hang] = typeof(HangMessage),
        [ServerMessageTypes.KnowledgeBaseRequest] = typeof(KnowledgeBaseRequestMessage),
        [ServerMessageTypes.ModelOutput] = typeof(ModelOutputMessage),
        [ServerMessageTypes.PhoneCallControl] = typeof(PhoneCallControlMessage),
        [ServerMessageTypes.SpeechUpdate] = typeof(SpeechUpdateMessage),
        [ServerMessageTypes.StatusUpdate] = typeof(StatusUpdateMessage),
        [ServerMessageTypes.ToolCalls] = typeof(ToolCallsMessage),
        [ServerMessageTypes.TransferDestinationRequest] = typeof(TransferDestinationRequestMessage),
        [ServerMessageTypes.TransferUpdate] = typeof(TransferUpdateMessage),
        [ServerMessageTypes.Transcript] = typeof(TranscriptMessage),
        [ServerMessageTypes.UserInterrupted] = typeof(UserInterruptedMessage),
        [ServerMessageTypes.LanguageChangeDetected] = typeof(LanguageChangeDetectedMessage),
        [ServerMessageTypes.VoiceInput] = typeof(VoiceInputMessage),
        [ServerMessageTypes.AssistantSpeechStarted] = typeof(AssistantSpeechMessage),
        [ServerMessageTypes.VoiceRequest] = typeof(VoiceRequestMessage),
        [ServerMessageTypes.CallEndpointingRequest] = typeof(CallEndpointingRequestMessage),
        [ServerMessageTypes.ChatCreated] = typeof(ChatCreatedMessage),
        [ServerMessageTypes.ChatDeleted] = typeof(ChatDeletedMessage),
        [ServerMessageTypes.SessionCreated] = typeof(SessionCreatedMessage),
        [ServerMessageTypes.SessionUpdated] = typeof(SessionUpdatedMessage),
        [ServerMessageTypes.SessionDeleted] = typeof(SessionDeletedMessage),
        [ServerMessageTypes.CallDeleted] = typeof(CallDeletedMessage),
        [ServerMessageTypes.CallDeleteFailed] = typeof(CallDeleteFailedMessage),
        [ServerMessageTypes.CallArtifactUpload] = typeof(CallArtifactUploadMessage),
        [ServerMessageTypes.CampaignPredial] = typeof(CampaignPredialMessage),
        [ServerMessageTypes.FunctionCall] = typeof(FunctionCallMessage),
        [ServerMessageTypes.AssistantStarted] = typeof(AssistantStartedMessage),
        [ServerMessageTypes.LanguageChanged] = typeof(LanguageChangedMessage),
        [ServerMessageTypes.TranscriptFinal] = typeof(TranscriptMessage),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every wire type string this library knows, including aliases.</summary>
    public static IReadOnlyCollection<string> KnownTypes => ByWireType.Keys;

    /// <summary>Finds the message class for a wire type string.</summary>
    /// <param name="wireType">The <c>type</c> as sent.</param>
    /// <param name="messageType">The class, when known.</param>
    /// <returns>True when the type is known.</returns>
    public static bool TryGetType(string wireType, [NotNullWhen(true)] out Type? messageType)
    {
        ArgumentNullException.ThrowIfNull(wireType);
        return ByWireType.TryGetValue(wireType, out messageType);
    }
}
