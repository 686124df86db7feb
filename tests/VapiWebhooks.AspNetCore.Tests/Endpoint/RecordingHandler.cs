using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>
/// Implements every request handler interface; records each call in <see cref="HandlerLog"/> and answers with a
/// valid reply. Registered with <c>AddHandler&lt;RecordingHandler&gt;()</c>; <see cref="RecordingNotificationHandler{TMessage}"/>
/// observes every message class.
/// </summary>
public sealed class RecordingHandler(HandlerLog log) :
    IAssistantRequestHandler,
    IToolCallsHandler,
    ITransferDestinationRequestHandler,
    IHandoffDestinationRequestHandler,
    IKnowledgeBaseRequestHandler,
    ICallEndpointingRequestHandler,
    ICampaignPredialHandler,
    IVoiceRequestHandler
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

    private Task<TReply> Replied<TReply>(string handler, ServerMessage message, TReply reply)
    {
        log.Add(handler, message);
        return Task.FromResult(reply);
    }
}
