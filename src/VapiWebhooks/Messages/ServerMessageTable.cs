using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using VapiWebhooks.Handlers;
using VapiWebhooks.Tools;
using static VapiWebhooks.Messages.ServerMessageTraits;

namespace VapiWebhooks.Messages;

/// <summary>
/// The one list of message types this library knows. The JSON converter, the notification routes, an
/// assistant's <c>serverMessages</c> (<see cref="VapiServerMessages"/>) and the Testing package's builders are all
/// derived from it: adding a message type is its class and one row here.
/// </summary>
/// <remarks>
/// Rows are in the order of Vapi's <c>serverMessages</c> enum, then the request types that are switched on
/// elsewhere in the assistant (so <see cref="VapiServerMessages.SubscribableTypes"/> keeps Vapi's order).
/// </remarks>
public static class ServerMessageTable
{
    /// <summary>Every row, aliases included.</summary>
    public static IReadOnlyList<ServerMessageKind> All { get; } =
    [
        Row<AssistantStartedMessage>(ServerMessageTypes.AssistantStarted, Subscribable | DefaultNotification),
        Row<AssistantSpeechMessage>(ServerMessageTypes.AssistantSpeechStarted, Subscribable),
        Row<ConversationUpdateMessage>(ServerMessageTypes.ConversationUpdate, Subscribable | DefaultNotification),
        Row<EndOfCallReportMessage>(ServerMessageTypes.EndOfCallReport, Subscribable | DefaultNotification),
        Row<FunctionCallMessage>(ServerMessageTypes.FunctionCall, Subscribable | Request), // answered by the registered tools
        Row<HangMessage>(ServerMessageTypes.Hang, Subscribable | DefaultNotification),
        Row<LanguageChangedMessage>(ServerMessageTypes.LanguageChanged, Subscribable),
        Row<LanguageChangeDetectedMessage>(ServerMessageTypes.LanguageChangeDetected, Subscribable),
        Row<ModelOutputMessage>(ServerMessageTypes.ModelOutput, Subscribable),
        Row<PhoneCallControlMessage>(ServerMessageTypes.PhoneCallControl, Subscribable),
        Row<SpeechUpdateMessage>(ServerMessageTypes.SpeechUpdate, Subscribable | DefaultNotification),
        Row<StatusUpdateMessage>(ServerMessageTypes.StatusUpdate, Subscribable | DefaultNotification),
        Row<TranscriptMessage>(ServerMessageTypes.Transcript, Subscribable),
        Row<TranscriptMessage>(ServerMessageTypes.TranscriptFinal, Subscribable | Alias),
        Row<ToolCallsMessage>(ServerMessageTypes.ToolCalls, Subscribable, typeof(IToolCallsHandler), typeof(VapiToolRegistration)),
        Row<TransferDestinationRequestMessage>(ServerMessageTypes.TransferDestinationRequest, Subscribable, typeof(ITransferDestinationRequestHandler)),
        Row<HandoffDestinationRequestMessage>(ServerMessageTypes.HandoffDestinationRequest, Subscribable, typeof(IHandoffDestinationRequestHandler)),
        Row<TransferUpdateMessage>(ServerMessageTypes.TransferUpdate, Subscribable | DefaultNotification),
        Row<UserInterruptedMessage>(ServerMessageTypes.UserInterrupted, Subscribable | DefaultNotification),
        Row<VoiceInputMessage>(ServerMessageTypes.VoiceInput, Subscribable),
        Row<ChatCreatedMessage>(ServerMessageTypes.ChatCreated, Subscribable),
        Row<ChatDeletedMessage>(ServerMessageTypes.ChatDeleted, Subscribable),
        Row<SessionCreatedMessage>(ServerMessageTypes.SessionCreated, Subscribable),
        Row<SessionUpdatedMessage>(ServerMessageTypes.SessionUpdated, Subscribable),
        Row<SessionDeletedMessage>(ServerMessageTypes.SessionDeleted, Subscribable),
        Row<CallDeletedMessage>(ServerMessageTypes.CallDeleted, Subscribable),
        Row<CallDeleteFailedMessage>(ServerMessageTypes.CallDeleteFailed, Subscribable),
        Row<CallArtifactUploadMessage>(ServerMessageTypes.CallArtifactUpload, Subscribable),

        // Switched on outside serverMessages: by the phone number's server, the model's knowledge base, the custom
        // voice, the smart endpointing plan and the campaign.
        Row<AssistantRequestMessage>(ServerMessageTypes.AssistantRequest, None, typeof(IAssistantRequestHandler)),
        Row<KnowledgeBaseRequestMessage>(ServerMessageTypes.KnowledgeBaseRequest, None, typeof(IKnowledgeBaseRequestHandler)),
        Row<VoiceRequestMessage>(ServerMessageTypes.VoiceRequest, None, typeof(IVoiceRequestHandler)),
        Row<CallEndpointingRequestMessage>(ServerMessageTypes.CallEndpointingRequest, None, typeof(ICallEndpointingRequestHandler)),
        Row<CampaignPredialMessage>(ServerMessageTypes.CampaignPredial, None, typeof(ICampaignPredialHandler)),
    ];

    private static readonly FrozenDictionary<string, ServerMessageKind> ByWireType =
        All.ToFrozenDictionary(kind => kind.WireType, StringComparer.Ordinal);

    // The first row of a class is its canonical wire type; aliases come after it.
    private static readonly FrozenDictionary<Type, ServerMessageKind> ByClass =
        All.Where(kind => !kind.IsAlias).ToFrozenDictionary(kind => kind.MessageType);

    /// <summary>Finds the row of a wire type string (aliases included).</summary>
    /// <param name="wireType">The <c>type</c> as sent.</param>
    /// <param name="kind">The row, when known.</param>
    /// <returns>True when the type is known.</returns>
    public static bool TryGet(string wireType, [NotNullWhen(true)] out ServerMessageKind? kind)
    {
        ArgumentNullException.ThrowIfNull(wireType);
        return ByWireType.TryGetValue(wireType, out kind);
    }

    /// <summary>Finds the canonical row of a message class.</summary>
    /// <param name="messageType">A <see cref="ServerMessage"/> subclass.</param>
    /// <param name="kind">The row, when the class is in the table.</param>
    /// <returns>True when the class is in the table.</returns>
    public static bool TryGet(Type messageType, [NotNullWhen(true)] out ServerMessageKind? kind)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return ByClass.TryGetValue(messageType, out kind);
    }

    private static ServerMessageKindOf<TMessage> Row<TMessage>(string wireType, ServerMessageTraits traits, params Type[] requestHandlers)
        where TMessage : ServerMessage, new()
        => new(wireType, traits, requestHandlers);
}
