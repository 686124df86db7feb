using BenchmarkDotNet.Attributes;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Benchmarks.Serialization;

/// <summary>Writing each reply type to UTF-8 JSON, as the endpoint does.</summary>
[MemoryDiagnoser]
public class ReplySerializeBenchmarks
{
    private readonly ToolCallsResponse _toolCalls = ToolCallsResponse.From(
        ToolCallResult.Success("call_Xk29fQpL7mVd0RzA", "book_appointment", "Booked a cleaning on 2025-06-17 at 16:00 for Dana Whitfield."),
        ToolCallResult.Failure("call_Ba83nWc5TyHs1GeJ", "send_sms", "The SMS provider is unavailable."));

    private readonly AssistantRequestResponse _assistantRequest = AssistantRequestResponse.ForAssistantId("2f6b8c1e-4d5a-4e0b-9c7d-1a2b3c4d5e6f");
    private readonly TransferDestinationResponse _transfer = TransferDestinationResponse.ToNumber("+14155550142", "Connecting you to our billing team now.");
    private readonly HandoffDestinationResponse _handoff = HandoffDestinationResponse.ToAssistant("Billing");

    private readonly KnowledgeBaseResponse _knowledgeBase = KnowledgeBaseResponse.FromDocuments(
        new KnowledgeBaseDocument { Content = "A cleaning takes about 45 minutes.", Similarity = 0.92, Uuid = "doc-1" },
        new KnowledgeBaseDocument { Content = "We are open Monday to Friday, 8am to 6pm.", Similarity = 0.71, Uuid = "doc-2" },
        new KnowledgeBaseDocument { Content = "Parking is free behind the building.", Similarity = 0.33 });

    private readonly CallEndpointingResponse _endpointing = CallEndpointingResponse.FromSeconds(1.5);
    private readonly CampaignPredialResponse _predial = CampaignPredialResponse.Dial();
    private readonly FunctionCallResponse _functionCall = FunctionCallResponse.From("It is sunny in Danville.");

    [Benchmark]
    public byte[] ToolCalls() => VapiJson.SerializeToUtf8Bytes(_toolCalls);

    [Benchmark]
    public byte[] AssistantRequest() => VapiJson.SerializeToUtf8Bytes(_assistantRequest);

    [Benchmark]
    public byte[] TransferDestination() => VapiJson.SerializeToUtf8Bytes(_transfer);

    [Benchmark]
    public byte[] HandoffDestination() => VapiJson.SerializeToUtf8Bytes(_handoff);

    [Benchmark]
    public byte[] KnowledgeBase() => VapiJson.SerializeToUtf8Bytes(_knowledgeBase);

    [Benchmark]
    public byte[] CallEndpointing() => VapiJson.SerializeToUtf8Bytes(_endpointing);

    [Benchmark]
    public byte[] CampaignPredial() => VapiJson.SerializeToUtf8Bytes(_predial);

    [Benchmark]
    public byte[] FunctionCall() => VapiJson.SerializeToUtf8Bytes(_functionCall);
}
