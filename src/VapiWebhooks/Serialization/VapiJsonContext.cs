using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Source-generated serialization metadata for every message, model and reply type: no reflection, so the
/// library is trim- and AOT-safe. Most code uses <see cref="VapiJson"/> instead. The assistant configuration
/// generated from Vapi's spec (<c>Models/Generated</c>) comes in through <see cref="GeneratedModelTypes"/>.
/// </summary>
// No Converters here: a converter in the options turns off the generated fast-path writers for every type
// (System.Text.Json only uses them when the options carry no converters). Dates name their converter on the
// property instead.
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = VapiJson.MaxDepth,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    // Every reader must agree on what a property says: a repeated name is refused, not "last one wins".
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ServerMessageEnvelope))]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(UnknownServerMessage))]
[JsonSerializable(typeof(AssistantRequestMessage))]
[JsonSerializable(typeof(ConversationUpdateMessage))]
[JsonSerializable(typeof(EndOfCallReportMessage))]
[JsonSerializable(typeof(HandoffDestinationRequestMessage))]
[JsonSerializable(typeof(HangMessage))]
[JsonSerializable(typeof(KnowledgeBaseRequestMessage))]
[JsonSerializable(typeof(ModelOutputMessage))]
[JsonSerializable(typeof(PhoneCallControlMessage))]
[JsonSerializable(typeof(SpeechUpdateMessage))]
[JsonSerializable(typeof(StatusUpdateMessage))]
[JsonSerializable(typeof(ToolCallsMessage))]
[JsonSerializable(typeof(TransferDestinationRequestMessage))]
[JsonSerializable(typeof(TransferUpdateMessage))]
[JsonSerializable(typeof(TranscriptMessage))]
[JsonSerializable(typeof(UserInterruptedMessage))]
[JsonSerializable(typeof(LanguageChangeDetectedMessage))]
[JsonSerializable(typeof(VoiceInputMessage))]
[JsonSerializable(typeof(AssistantSpeechMessage))]
[JsonSerializable(typeof(VoiceRequestMessage))]
[JsonSerializable(typeof(CallEndpointingRequestMessage))]
[JsonSerializable(typeof(ChatCreatedMessage))]
[JsonSerializable(typeof(ChatDeletedMessage))]
[JsonSerializable(typeof(SessionCreatedMessage))]
[JsonSerializable(typeof(SessionUpdatedMessage))]
[JsonSerializable(typeof(SessionDeletedMessage))]
[JsonSerializable(typeof(CallDeletedMessage))]
[JsonSerializable(typeof(CallDeleteFailedMessage))]
[JsonSerializable(typeof(CallArtifactUploadMessage))]
[JsonSerializable(typeof(CampaignPredialMessage))]
[JsonSerializable(typeof(FunctionCallMessage))]
[JsonSerializable(typeof(AssistantStartedMessage))]
[JsonSerializable(typeof(LanguageChangedMessage))]
[JsonSerializable(typeof(ConversationMessage))]
[JsonSerializable(typeof(GeneratedModelTypes))]
[JsonSerializable(typeof(Analysis))]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(BotConversationMessage))]
[JsonSerializable(typeof(Call))]
[JsonSerializable(typeof(CallCost))]
[JsonSerializable(typeof(CallMonitor))]
[JsonSerializable(typeof(Chat))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(FunctionCallInfo))]
[JsonSerializable(typeof(HandoffDestination))]
[JsonSerializable(typeof(OpenAIMessage))]
[JsonSerializable(typeof(PhoneNumber))]
[JsonSerializable(typeof(SystemConversationMessage))]
[JsonSerializable(typeof(ToolCall))]
[JsonSerializable(typeof(ToolCallFunction))]
[JsonSerializable(typeof(ToolCallResultConversationMessage))]
[JsonSerializable(typeof(ToolCallsConversationMessage))]
[JsonSerializable(typeof(ToolFunctionDefinition))]
[JsonSerializable(typeof(ToolWithToolCall))]
[JsonSerializable(typeof(UnknownConversationMessage))]
[JsonSerializable(typeof(UserConversationMessage))]
[JsonSerializable(typeof(AssistantRequestResponse))]
[JsonSerializable(typeof(CallEndpointingResponse))]
[JsonSerializable(typeof(CampaignPredialResponse))]
[JsonSerializable(typeof(FunctionCallResponse))]
[JsonSerializable(typeof(HandoffDestinationResponse))]
[JsonSerializable(typeof(KnowledgeBaseDocument))]
[JsonSerializable(typeof(KnowledgeBaseResponse))]
[JsonSerializable(typeof(ToolCallResult))]
[JsonSerializable(typeof(ToolCallsResponse))]
[JsonSerializable(typeof(TransferDestinationResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
public sealed partial class VapiJsonContext : JsonSerializerContext
{
}
