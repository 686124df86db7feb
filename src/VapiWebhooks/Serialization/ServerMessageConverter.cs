using System.Collections.Frozen;
using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="ServerMessage"/> by its <c>type</c>; unknown types become <see cref="UnknownServerMessage"/>.</summary>
internal sealed class ServerMessageConverter : DiscriminatedUnionConverter<ServerMessage>
{
    protected override string DiscriminatorName => "type";

    // A message without a type cannot be routed or even told apart from garbage: that is an error.
    protected override bool DiscriminatorRequired => true;

    // One closed generic reader per type (no MakeGenericType): trim- and AOT-safe.
    private static readonly FrozenDictionary<string, ReadConcrete> Readers = new Dictionary<string, ReadConcrete>(StringComparer.Ordinal)
    {
        [ServerMessageTypes.AssistantRequest] = Read<AssistantRequestMessage>,
        [ServerMessageTypes.ConversationUpdate] = Read<ConversationUpdateMessage>,
        [ServerMessageTypes.EndOfCallReport] = Read<EndOfCallReportMessage>,
        [ServerMessageTypes.HandoffDestinationRequest] = Read<HandoffDestinationRequestMessage>,
        [ServerMessageTypes.Hang] = Read<HangMessage>,
        [ServerMessageTypes.KnowledgeBaseRequest] = Read<KnowledgeBaseRequestMessage>,
        [ServerMessageTypes.ModelOutput] = Read<ModelOutputMessage>,
        [ServerMessageTypes.PhoneCallControl] = Read<PhoneCallControlMessage>,
        [ServerMessageTypes.SpeechUpdate] = Read<SpeechUpdateMessage>,
        [ServerMessageTypes.StatusUpdate] = Read<StatusUpdateMessage>,
        [ServerMessageTypes.ToolCalls] = Read<ToolCallsMessage>,
        [ServerMessageTypes.TransferDestinationRequest] = Read<TransferDestinationRequestMessage>,
        [ServerMessageTypes.TransferUpdate] = Read<TransferUpdateMessage>,
        [ServerMessageTypes.Transcript] = Read<TranscriptMessage>,
        [ServerMessageTypes.UserInterrupted] = Read<UserInterruptedMessage>,
        [ServerMessageTypes.LanguageChangeDetected] = Read<LanguageChangeDetectedMessage>,
        [ServerMessageTypes.VoiceInput] = Read<VoiceInputMessage>,
        [ServerMessageTypes.AssistantSpeechStarted] = Read<AssistantSpeechMessage>,
        [ServerMessageTypes.VoiceRequest] = Read<VoiceRequestMessage>,
        [ServerMessageTypes.CallEndpointingRequest] = Read<CallEndpointingRequestMessage>,
        [ServerMessageTypes.ChatCreated] = Read<ChatCreatedMessage>,
        [ServerMessageTypes.ChatDeleted] = Read<ChatDeletedMessage>,
        [ServerMessageTypes.SessionCreated] = Read<SessionCreatedMessage>,
        [ServerMessageTypes.SessionUpdated] = Read<SessionUpdatedMessage>,
        [ServerMessageTypes.SessionDeleted] = Read<SessionDeletedMessage>,
        [ServerMessageTypes.CallDeleted] = Read<CallDeletedMessage>,
        [ServerMessageTypes.CallDeleteFailed] = Read<CallDeleteFailedMessage>,
        [ServerMessageTypes.CallArtifactUpload] = Read<CallArtifactUploadMessage>,
        [ServerMessageTypes.CampaignPredial] = Read<CampaignPredialMessage>,
        [ServerMessageTypes.FunctionCall] = Read<FunctionCallMessage>,
        [ServerMessageTypes.AssistantStarted] = Read<AssistantStartedMessage>,
        [ServerMessageTypes.LanguageChanged] = Read<LanguageChangedMessage>,
        [ServerMessageTypes.TranscriptFinal] = Read<TranscriptMessage>,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    protected override ReadConcrete? Resolve(string discriminator)
        => Readers.TryGetValue(discriminator, out var read) ? read : null;

    protected override ServerMessage CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        var message = raw.Deserialize(options.GetTypeInfo(typeof(UnknownServerMessage))) as UnknownServerMessage ?? new UnknownServerMessage();
        message.RawJson = raw;
        return message;
    }
}
