using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>
/// Implements every request handler interface and <see cref="IServerMessageHandler{TMessage}"/> for every
/// message class and for <see cref="ServerMessage"/> (the catch-all); records each call in <see cref="HandlerLog"/>
/// and answers with a valid reply. Registered with <c>AddHandler&lt;RecordingHandler&gt;()</c>.
/// </summary>
public sealed class RecordingHandler(HandlerLog log) :
    IAssistantRequestHandler,
    IToolCallsHandler,
    ITransferDestinationRequestHandler,
    IHandoffDestinationRequestHandler,
    IKnowledgeBaseRequestHandler,
    ICallEndpointingRequestHandler,
    ICampaignPredialHandler,
    IVoiceRequestHandler,
    IServerMessageHandler<ServerMessage>,
    IServerMessageHandler<AssistantRequestMessage>,
    IServerMessageHandler<ConversationUpdateMessage>,
    IServerMessageHandler<EndOfCallReportMessage>,
    IServerMessageHandler<HandoffDestinationRequestMessage>,
    IServerMessageHandler<HangMessage>,
    IServerMessageHandler<KnowledgeBaseRequestMessage>,
    IServerMessageHandler<ModelOutputMessage>,
    IServerMessageHandler<PhoneCallControlMessage>,
    IServerMessageHandler<SpeechUpdateMessage>,
    IServerMessageHandler<StatusUpdateMessage>,
    IServerMessageHandler<ToolCallsMessage>,
    IServerMessageHandler<TransferDestinationRequestMessage>,
    IServerMessageHandler<TransferUpdateMessage>,
    IServerMessageHandler<TranscriptMessage>,
    IServerMessageHandler<UserInterruptedMessage>,
    IServerMessageHandler<LanguageChangeDetectedMessage>,
    IServerMessageHandler<VoiceInputMessage>,
    IServerMessageHandler<AssistantSpeechMessage>,
    IServerMessageHandler<VoiceRequestMessage>,
    IServerMessageHandler<CallEndpointingRequestMessage>,
    IServerMessageHandler<ChatCreatedMessage>,
    IServerMessageHandler<ChatDeletedMessage>,
    IServerMessageHandler<SessionCreatedMessage>,
    IServerMessageHandler<SessionUpdatedMessage>,
    IServerMessageHandler<SessionDeletedMessage>,
    IServerMessageHandler<CallDeletedMessage>,
    IServerMessageHandler<CallDeleteFailedMessage>,
    IServerMessageHandler<CallArtifactUploadMessage>,
    IServerMessageHandler<CampaignPredialMessage>,
    IServerMessageHandler<FunctionCallMessage>,
    IServerMessageHandler<AssistantStartedMessage>,
    IServerMessageHandler<LanguageChangedMessage>,
    IServerMessageHandler<UnknownServerMessage>
{
    public const string AssistantId = "5a1e3c7d-9b2f-4e6a-8c0d-1f3b5d7e9a2c";
    public const string TransferNumber = "+14155550177";
    public const double EndpointingSeconds = 1.5;

    /// <summary>The PCM the voice handler writes: 10 ms of a quiet 16-bit ramp at the requested rate, in two chunks.</summary>
    public static byte[] Pcm(int sampleRate)
    {
        var samples = sampleRate / 100;
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var value = (short)((i % 64) * 16);
            pcm[2 * i] = (byte)value;
            pcm[(2 * i) + 1] = (byte)(value >> 8);
        }

        return pcm;
    }

    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        => Replied(nameof(IAssistantRequestHandler), message, AssistantRequestResponse.ForAssistantId(AssistantId));

    public Task<ToolCallsResponse> HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken)
    {
        var calls = message.ToolCallList is { Count: > 0 } list
            ? list
            : [.. (message.ToolWithToolCallList ?? []).Select(t => t.ToolCall).OfType<ToolCall>()];
        var results = calls.Select(c => ToolCallResult.Success(c.Id ?? string.Empty, c.FunctionName ?? string.Empty, "Booked for Tuesday at 4pm."));
        return Replied(nameof(IToolCallsHandler), message, ToolCallsResponse.From(results));
    }

    public Task<TransferDestinationResponse> HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken)
        => Replied(nameof(ITransferDestinationRequestHandler), message, TransferDestinationResponse.ToNumber(TransferNumber));

    public Task<HandoffDestinationResponse> HandleAsync(HandoffDestinationRequestMessage message, CancellationToken cancellationToken)
        => Replied(nameof(IHandoffDestinationRequestHandler), message, HandoffDestinationResponse.ToAssistant("Billing"));

    public Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken)
        => Replied(nameof(IKnowledgeBaseRequestHandler), message, KnowledgeBaseResponse.FromDocuments(
            new KnowledgeBaseDocument { Content = "We are open 8am to 6pm, Monday to Friday.", Similarity = 0.92, Uuid = "doc-hours" }));

    public Task<CallEndpointingResponse> HandleAsync(CallEndpointingRequestMessage message, CancellationToken cancellationToken)
        => Replied(nameof(ICallEndpointingRequestHandler), message, CallEndpointingResponse.FromSeconds(EndpointingSeconds));

    public Task<CampaignPredialResponse> HandleAsync(CampaignPredialMessage message, CancellationToken cancellationToken)
        => Replied(nameof(ICampaignPredialHandler), message, CampaignPredialResponse.Dial());

    public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
    {
        log.Add(nameof(IVoiceRequestHandler), message);
        var pcm = Pcm(audio.SampleRate);

        // An odd split: the writer must keep whole samples together.
        await audio.WriteAsync(pcm.AsMemory(0, 3), cancellationToken);
        await audio.WriteAsync(pcm.AsMemory(3), cancellationToken);
    }

    public Task HandleAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        log.Add(HandlerLog.CatchAll, message);
        return Task.CompletedTask;
    }

    Task IServerMessageHandler<AssistantRequestMessage>.HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<ConversationUpdateMessage>.HandleAsync(ConversationUpdateMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<EndOfCallReportMessage>.HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<HandoffDestinationRequestMessage>.HandleAsync(HandoffDestinationRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<HangMessage>.HandleAsync(HangMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<KnowledgeBaseRequestMessage>.HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<ModelOutputMessage>.HandleAsync(ModelOutputMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<PhoneCallControlMessage>.HandleAsync(PhoneCallControlMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<SpeechUpdateMessage>.HandleAsync(SpeechUpdateMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<StatusUpdateMessage>.HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<ToolCallsMessage>.HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<TransferDestinationRequestMessage>.HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<TransferUpdateMessage>.HandleAsync(TransferUpdateMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<TranscriptMessage>.HandleAsync(TranscriptMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<UserInterruptedMessage>.HandleAsync(UserInterruptedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<LanguageChangeDetectedMessage>.HandleAsync(LanguageChangeDetectedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<VoiceInputMessage>.HandleAsync(VoiceInputMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<AssistantSpeechMessage>.HandleAsync(AssistantSpeechMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<VoiceRequestMessage>.HandleAsync(VoiceRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<CallEndpointingRequestMessage>.HandleAsync(CallEndpointingRequestMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<ChatCreatedMessage>.HandleAsync(ChatCreatedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<ChatDeletedMessage>.HandleAsync(ChatDeletedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<SessionCreatedMessage>.HandleAsync(SessionCreatedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<SessionUpdatedMessage>.HandleAsync(SessionUpdatedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<SessionDeletedMessage>.HandleAsync(SessionDeletedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<CallDeletedMessage>.HandleAsync(CallDeletedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<CallDeleteFailedMessage>.HandleAsync(CallDeleteFailedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<CallArtifactUploadMessage>.HandleAsync(CallArtifactUploadMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<CampaignPredialMessage>.HandleAsync(CampaignPredialMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<FunctionCallMessage>.HandleAsync(FunctionCallMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<AssistantStartedMessage>.HandleAsync(AssistantStartedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<LanguageChangedMessage>.HandleAsync(LanguageChangedMessage message, CancellationToken cancellationToken) => Notified(message);

    Task IServerMessageHandler<UnknownServerMessage>.HandleAsync(UnknownServerMessage message, CancellationToken cancellationToken) => Notified(message);

    private Task Notified<TMessage>(TMessage message)
        where TMessage : ServerMessage
    {
        log.Add(HandlerLog.Notification<TMessage>(), message);
        return Task.CompletedTask;
    }

    private Task<TReply> Replied<TReply>(string handler, ServerMessage message, TReply reply)
    {
        log.Add(handler, message);
        return Task.FromResult(reply);
    }
}
