using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Finds the <see cref="IServerMessageHandler{TMessage}"/> registrations for a message: the typed ones first,
/// then the catch-alls. A table of closed generic methods keeps this trim- and AOT-safe (no MakeGenericType).
/// </summary>
internal static class NotificationRoutes
{
    private delegate void Collector(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers);

    private static readonly FrozenDictionary<Type, Collector> Typed =
        new Dictionary<Type, Collector>
        {
            [typeof(AssistantRequestMessage)] = Collect<AssistantRequestMessage>,
            [typeof(ConversationUpdateMessage)] = Collect<ConversationUpdateMessage>,
            [typeof(EndOfCallReportMessage)] = Collect<EndOfCallReportMessage>,
            [typeof(HandoffDestinationRequestMessage)] = Collect<HandoffDestinationRequestMessage>,
            [typeof(HangMessage)] = Collect<HangMessage>,
            [typeof(KnowledgeBaseRequestMessage)] = Collect<KnowledgeBaseRequestMessage>,
            [typeof(ModelOutputMessage)] = Collect<ModelOutputMessage>,
            [typeof(PhoneCallControlMessage)] = Collect<PhoneCallControlMessage>,
            [typeof(SpeechUpdateMessage)] = Collect<SpeechUpdateMessage>,
            [typeof(StatusUpdateMessage)] = Collect<StatusUpdateMessage>,
            [typeof(ToolCallsMessage)] = Collect<ToolCallsMessage>,
            [typeof(TransferDestinationRequestMessage)] = Collect<TransferDestinationRequestMessage>,
            [typeof(TransferUpdateMessage)] = Collect<TransferUpdateMessage>,
            [typeof(TranscriptMessage)] = Collect<TranscriptMessage>,
            [typeof(UserInterruptedMessage)] = Collect<UserInterruptedMessage>,
            [typeof(LanguageChangeDetectedMessage)] = Collect<LanguageChangeDetectedMessage>,
            [typeof(VoiceInputMessage)] = Collect<VoiceInputMessage>,
            [typeof(AssistantSpeechMessage)] = Collect<AssistantSpeechMessage>,
            [typeof(VoiceRequestMessage)] = Collect<VoiceRequestMessage>,
            [typeof(CallEndpointingRequestMessage)] = Collect<CallEndpointingRequestMessage>,
            [typeof(ChatCreatedMessage)] = Collect<ChatCreatedMessage>,
            [typeof(ChatDeletedMessage)] = Collect<ChatDeletedMessage>,
            [typeof(SessionCreatedMessage)] = Collect<SessionCreatedMessage>,
            [typeof(SessionUpdatedMessage)] = Collect<SessionUpdatedMessage>,
            [typeof(SessionDeletedMessage)] = Collect<SessionDeletedMessage>,
            [typeof(CallDeletedMessage)] = Collect<CallDeletedMessage>,
            [typeof(CallDeleteFailedMessage)] = Collect<CallDeleteFailedMessage>,
            [typeof(CallArtifactUploadMessage)] = Collect<CallArtifactUploadMessage>,
            [typeof(CampaignPredialMessage)] = Collect<CampaignPredialMessage>,
            [typeof(FunctionCallMessage)] = Collect<FunctionCallMessage>,
            [typeof(AssistantStartedMessage)] = Collect<AssistantStartedMessage>,
            [typeof(LanguageChangedMessage)] = Collect<LanguageChangedMessage>,
            [typeof(UnknownServerMessage)] = Collect<UnknownServerMessage>,
        }.ToFrozenDictionary();

    public static List<Func<CancellationToken, Task>>? Resolve(ServerMessage message, IServiceProvider services)
    {
        // Asking whether a handler type is registered allocates nothing; resolving an empty list does.
        var registered = services.GetService<IServiceProviderIsService>();
        List<Func<CancellationToken, Task>>? handlers = null;
        if (Typed.TryGetValue(message.GetType(), out var collect))
        {
            collect(message, services, registered, ref handlers);
        }

        Collect<ServerMessage>(message, services, registered, ref handlers);
        return handlers;
    }

    private static void Collect<TMessage>(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers)
        where TMessage : ServerMessage
    {
        if (registered?.IsService(typeof(IServerMessageHandler<TMessage>)) == false)
        {
            return;
        }

        var typed = (TMessage)message;
        foreach (var handler in services.GetServices<IServerMessageHandler<TMessage>>())
        {
            (handlers ??= []).Add(ct => handler.HandleAsync(typed, ct));
        }
    }
}
