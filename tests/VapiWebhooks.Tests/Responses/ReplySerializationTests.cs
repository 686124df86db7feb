using System.Text;
using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Schemas;
using VapiWebhooks.Tests.Serialization;

namespace VapiWebhooks.Tests.Responses;

/// <summary>Every reply built by its factories is what Vapi reads: valid against its <c>ServerMessageResponse*</c> schema, nulls omitted, Vapi's property names.</summary>
public class ReplySerializationTests
{
    private static string SchemaFor(string wireType)
        => VapiSchemas.ResponseDefinitionFor(wireType) ?? throw new InvalidOperationException($"No response schema for {wireType}.");

    public static TheoryData<string, string, object> Replies() => new()
    {
        { "assistantId", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.ForAssistantId("2f6b8c1e-assistant") },
        { "assistantId+overrides", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.ForAssistantId("2f6b8c1e-assistant", new Assistant { VariableValues = JsonElement.Parse("""{"name":"Dana"}"""), FirstMessage = "Hi Dana!" }) },
        { "assistant", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.ForAssistant(InlineAssistant()) },
        { "squadId", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.ForSquadId("squad-1") },
        { "workflowId", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.ForWorkflowId("workflow-1") },
        { "transferToNumber", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.TransferToNumber("+14155550142") },
        { "transferToSip", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.TransferToSip("sip:front-desk@harbordental.example") },
        { "reject", ServerMessageTypes.AssistantRequest, AssistantRequestResponse.Reject("Sorry, we are closed.") },
        { "tool success", ServerMessageTypes.ToolCalls, ToolCallsResponse.From(ToolCallResult.Success("call_Xk29", "book_appointment", "Booked for 4pm.")) },
        { "tool failure", ServerMessageTypes.ToolCalls, ToolCallsResponse.From(ToolCallResult.Failure("call_Xk29", "book_appointment", "That slot is taken.")) },
        { "tool mixed", ServerMessageTypes.ToolCalls, ToolCallsResponse.From(ToolCallResult.Success("a", "f", "ok"), ToolCallResult.Failure("b", "g", "no"), ToolCallResult.Success("c", "h", string.Empty)) },
        { "tool metadata", ServerMessageTypes.ToolCalls, ToolCallsResponse.From(WithMetadata(ToolCallResult.Success("a", "f", "ok"))) },
        { "tool none", ServerMessageTypes.ToolCalls, ToolCallsResponse.From() },
        { "transfer number", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToNumber("+14155550142") },
        { "transfer number+message", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToNumber("+14155550142", "Connecting you to billing.") },
        { "transfer sip", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToSip("sip:billing@harbordental.example") },
        { "transfer sip+message", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToSip("sip:billing@harbordental.example", "One moment.") },
        { "transfer assistant", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToAssistant("Billing") },
        { "transfer assistant+message", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.ToAssistant("Billing", "Let me get billing.") },
        { "transfer refuse", ServerMessageTypes.TransferDestinationRequest, TransferDestinationResponse.Refuse("Billing is closed.") },
        { "handoff assistant", ServerMessageTypes.HandoffDestinationRequest, HandoffDestinationResponse.ToAssistant("Billing") },
        { "handoff cancel", ServerMessageTypes.HandoffDestinationRequest, HandoffDestinationResponse.Cancel("No one is free.") },
        { "handoff let Vapi decide", ServerMessageTypes.HandoffDestinationRequest, HandoffDestinationResponse.LetVapiDecide() },
        { "kb documents", ServerMessageTypes.KnowledgeBaseRequest, KnowledgeBaseResponse.FromDocuments(new KnowledgeBaseDocument { Content = "Cleanings take 45 minutes.", Similarity = 0.92, Uuid = "doc-1" }, new KnowledgeBaseDocument { Content = "We open at 8.", Similarity = 0.4 }) },
        { "kb say", ServerMessageTypes.KnowledgeBaseRequest, KnowledgeBaseResponse.Say("We open at eight.") },
        { "kb empty", ServerMessageTypes.KnowledgeBaseRequest, KnowledgeBaseResponse.Empty() },
        { "endpointing 0", ServerMessageTypes.CallEndpointingRequest, CallEndpointingResponse.FromSeconds(0) },
        { "endpointing 1.5", ServerMessageTypes.CallEndpointingRequest, CallEndpointingResponse.FromSeconds(1.5) },
        { "endpointing 15", ServerMessageTypes.CallEndpointingRequest, CallEndpointingResponse.FromTimeSpan(TimeSpan.FromSeconds(15)) },
        { "predial dial", ServerMessageTypes.CampaignPredial, CampaignPredialResponse.Dial() },
        { "predial skip", ServerMessageTypes.CampaignPredial, CampaignPredialResponse.Skip() },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Reply_validates_against_its_response_schema(string name, string wireType, object reply)
    {
        var json = VapiJson.Serialize(reply);

        var errors = VapiSchemas.Validate(SchemaFor(wireType), json);

        errors.Should().BeEmpty("{0} serialises to {1}", name, json);
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Reply_omits_nulls_and_is_the_bare_object(string name, string wireType, object reply)
    {
        var json = VapiJson.Serialize(reply);

        json.Should().NotContain("null", "{0} ({1}) should omit nulls", name, wireType);
        json.Should().NotContain("messageResponse");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        VapiJson.SerializeToUtf8Bytes(reply).Should().Equal(System.Text.Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void The_schemas_used_are_the_ones_for_each_reply()
    {
        SchemaFor(ServerMessageTypes.AssistantRequest).Should().Be("ServerMessageResponseAssistantRequest");
        SchemaFor(ServerMessageTypes.ToolCalls).Should().Be("ServerMessageResponseToolCalls");
        SchemaFor(ServerMessageTypes.TransferDestinationRequest).Should().Be("ServerMessageResponseTransferDestinationRequest");
        SchemaFor(ServerMessageTypes.HandoffDestinationRequest).Should().Be("ServerMessageResponseHandoffDestinationRequest");
        SchemaFor(ServerMessageTypes.KnowledgeBaseRequest).Should().Be("ServerMessageResponseKnowledgeBaseRequest");
        SchemaFor(ServerMessageTypes.CallEndpointingRequest).Should().Be("ServerMessageResponseCallEndpointingRequest");
        SchemaFor(ServerMessageTypes.CampaignPredial).Should().Be("ServerMessageResponseCampaignPredial");
        VapiSchemas.ResponseDefinitionFor(ServerMessageTypes.FunctionCall).Should().BeNull();
    }

    [Fact]
    public void Schema_validation_would_catch_a_wrong_reply()
    {
        // Guards the theory above: the validator rejects what Vapi would not read.
        VapiSchemas.Validate("ServerMessageResponseToolCalls", """{"results":[{"result":"ok"}]}""").Should().NotBeEmpty("name and toolCallId are required");
        VapiSchemas.Validate("ServerMessageResponseCallEndpointingRequest", """{"timeoutSeconds":16}""").Should().NotBeEmpty();
        VapiSchemas.Validate("ServerMessageResponseTransferDestinationRequest", """{"message":{"type":"custom-message","content":"x"}}""").Should().NotBeEmpty();
    }

    // ---- exact JSON ----

    [Theory]
    [InlineData("assistantId", """{"assistantId":"asst-1"}""")]
    [InlineData("squadId", """{"squadId":"squad-1"}""")]
    [InlineData("workflowId", """{"workflowId":"wf-1"}""")]
    [InlineData("number", """{"destination":{"type":"number","number":"+14155550142"}}""")]
    [InlineData("sip", """{"destination":{"type":"sip","sipUri":"sip:desk@example.com"}}""")]
    [InlineData("reject", """{"error":"We are closed."}""")]
    public void Assistant_request_replies_are_exactly_vapis_shape(string kind, string expected)
    {
        var reply = kind switch
        {
            "assistantId" => AssistantRequestResponse.ForAssistantId("asst-1"),
            "squadId" => AssistantRequestResponse.ForSquadId("squad-1"),
            "workflowId" => AssistantRequestResponse.ForWorkflowId("wf-1"),
            "number" => AssistantRequestResponse.TransferToNumber("+14155550142"),
            "sip" => AssistantRequestResponse.TransferToSip("sip:desk@example.com"),
            _ => AssistantRequestResponse.Reject("We are closed."),
        };

        VapiJson.Serialize(reply).Should().Be(expected);
    }

    [Fact]
    public void Tool_calls_reply_is_exactly_vapis_shape()
    {
        var reply = ToolCallsResponse.From(
            ToolCallResult.Success("call_1", "book_appointment", "Booked."),
            ToolCallResult.Failure("call_2", "send_sms", "SMS is down."));

        VapiJson.Serialize(reply).Should().Be(
            """{"results":[{"toolCallId":"call_1","name":"book_appointment","result":"Booked."},{"toolCallId":"call_2","name":"send_sms","error":"SMS is down."}]}""");
    }

    [Fact]
    public void Replies_are_readable_quotes_apostrophes_and_non_ascii_as_themselves_and_markup_still_escaped()
    {
        // The model reads replies: relaxed escaping, except < and >, which never echo markup as is.
        var json = VapiJson.Serialize(ToolCallsResponse.From(ToolCallResult.Success("c", "f", "Dana's \"cleaning\" +1 & café <b>")));

        json.Should().Contain("""Dana's \"cleaning\" +1 & café \u003Cb\u003E""")
            .And.NotContain("\\u0027").And.NotContain("\\u0022").And.NotContain("\\u002B");
        JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("result").GetString().Should().Be("Dana's \"cleaning\" +1 & café <b>");
        Encoding.UTF8.GetString(VapiJson.SerializeToUtf8Bytes(AssistantRequestResponse.TransferToNumber("+14155550142"))).Should().Contain("\"+14155550142\"");
    }

    [Fact]
    public void Tool_result_strings_are_escaped_not_broken()
    {
        var reply = ToolCallsResponse.From(ToolCallResult.Success("c", "f", "line \"one\"\nline <two> & é"));

        var json = VapiJson.Serialize(reply);

        JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("result").GetString().Should().Be("line \"one\"\nline <two> & é");
    }

    [Fact]
    public void Transfer_reply_puts_the_spoken_message_on_the_destination()
    {
        VapiJson.Serialize(TransferDestinationResponse.ToNumber("+14155550142", "Connecting you.")).Should().Be(
            """{"destination":{"type":"number","number":"+14155550142","message":{"type":"custom-message","content":"Connecting you."}}}""");
        VapiJson.Serialize(TransferDestinationResponse.ToAssistant("Billing")).Should().Be(
            """{"destination":{"type":"assistant","assistantName":"Billing"}}""");
        VapiJson.Serialize(TransferDestinationResponse.Refuse("Closed.")).Should().Be("""{"error":"Closed."}""");
    }

    [Fact]
    public void Handoff_replies_are_exactly_vapis_shape()
    {
        VapiJson.Serialize(HandoffDestinationResponse.ToAssistant("Billing")).Should().Be("""{"destination":{"type":"assistant","assistantName":"Billing"}}""");
        VapiJson.Serialize(HandoffDestinationResponse.Cancel("Nobody free.")).Should().Be("""{"destination":{},"error":"Nobody free."}""");
        VapiJson.Serialize(HandoffDestinationResponse.LetVapiDecide()).Should().Be("""{"destination":{}}""", "Vapi's schema requires destination; no error, so nothing of the library's reaches the conversation");
    }

    [Fact]
    public void Knowledge_base_replies_are_exactly_vapis_shape()
    {
        VapiJson.Serialize(KnowledgeBaseResponse.FromDocuments(new KnowledgeBaseDocument { Content = "Open at 8.", Similarity = 0.9 }))
            .Should().Be("""{"documents":[{"content":"Open at 8.","similarity":0.9}]}""");
        VapiJson.Serialize(KnowledgeBaseResponse.Say("We open at eight.")).Should().Be("""{"message":{"type":"custom-message","content":"We open at eight."}}""");
        VapiJson.Serialize(KnowledgeBaseResponse.Empty()).Should().Be("""{"documents":[]}""");
    }

    [Fact]
    public void Small_replies_are_exactly_vapis_shape()
    {
        VapiJson.Serialize(CallEndpointingResponse.FromSeconds(1.5)).Should().Be("""{"timeoutSeconds":1.5}""");
        VapiJson.Serialize(CampaignPredialResponse.Dial()).Should().Be("""{"eligible":true}""");
        VapiJson.Serialize(CampaignPredialResponse.Skip()).Should().Be("""{"eligible":false}""");
    }

    [Fact]
    public void Function_call_reply_is_exactly_result()
    {
        // No schema exists for the legacy function-call reply: assert its shape.
        VapiJson.Serialize(FunctionCallResponse.From("It is sunny.")).Should().Be("""{"result":"It is sunny."}""");
        VapiJson.Serialize(FunctionCallResponse.From(string.Empty)).Should().Be("""{"result":""}""");
    }

    [Fact]
    public void Inline_assistant_keeps_extension_properties()
    {
        var assistant = InlineAssistant();
        assistant.ExtensionData = new() { ["backgroundSound"] = JsonElement.Parse("\"office\"") };

        var json = VapiJson.Serialize(AssistantRequestResponse.ForAssistant(assistant));

        json.Should().Contain("\"backgroundSound\":\"office\"").And.Contain("\"firstMessage\":\"Thanks for calling Harbor Dental!\"");
        VapiSchemas.Validate(SchemaFor(ServerMessageTypes.AssistantRequest), json).Should().BeEmpty();
    }

    // ---- argument checks ----

    [Theory]
    [InlineData(-0.001)]
    [InlineData(-1)]
    [InlineData(15.0001)]
    [InlineData(60)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Endpointing_timeout_outside_0_to_15_is_rejected(double seconds)
    {
        var act = () => CallEndpointingResponse.FromSeconds(seconds);
        act.Should().ThrowExactly<ArgumentOutOfRangeException>();

        var setter = () => new CallEndpointingResponse { TimeoutSeconds = seconds };
        setter.Should().ThrowExactly<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Endpointing_timespan_outside_0_to_15_is_rejected()
    {
        var act = () => CallEndpointingResponse.FromTimeSpan(TimeSpan.FromSeconds(16));
        act.Should().ThrowExactly<ArgumentOutOfRangeException>();
    }

    public static TheoryData<string, Func<string, object>> StringFactories() => new()
    {
        { "ForAssistantId", s => AssistantRequestResponse.ForAssistantId(s) },
        { "ForSquadId", s => AssistantRequestResponse.ForSquadId(s) },
        { "ForWorkflowId", s => AssistantRequestResponse.ForWorkflowId(s) },
        { "TransferToNumber", s => AssistantRequestResponse.TransferToNumber(s) },
        { "TransferToSip", s => AssistantRequestResponse.TransferToSip(s) },
        { "Reject", s => AssistantRequestResponse.Reject(s) },
        { "ToNumber", s => TransferDestinationResponse.ToNumber(s) },
        { "ToSip", s => TransferDestinationResponse.ToSip(s) },
        { "ToAssistant", s => TransferDestinationResponse.ToAssistant(s) },
        { "Refuse", s => TransferDestinationResponse.Refuse(s) },
        { "Handoff.ToAssistant", s => HandoffDestinationResponse.ToAssistant(s) },
        { "Handoff.Cancel", s => HandoffDestinationResponse.Cancel(s) },
        { "HandoffDestination.ToAssistant", s => HandoffDestination.ToAssistant(s) },
        { "KnowledgeBase.Say", s => KnowledgeBaseResponse.Say(s) },
        { "Success.toolCallId", s => ToolCallResult.Success(s, "name", "ok") },
        { "Success.name", s => ToolCallResult.Success("id", s, "ok") },
        { "Failure.toolCallId", s => ToolCallResult.Failure(s, "name", "no") },
        { "Failure.name", s => ToolCallResult.Failure("id", s, "no") },
    };

    [Theory]
    [MemberData(nameof(StringFactories))]
    public void Factories_reject_null_and_blank_arguments(string factory, Func<string, object> create)
    {
        foreach (var bad in new[] { null!, string.Empty, "   ", "\t\n" })
        {
            var act = () => create(bad);
            act.Should().Throw<ArgumentException>("{0}({1}) should be rejected", factory, bad is null ? "null" : $"\"{bad}\"");
        }

        create("valid").Should().NotBeNull();
    }

    [Fact]
    public void Factories_reject_null_objects()
    {
        ((Action)(() => AssistantRequestResponse.ForAssistant(null!))).Should().ThrowExactly<ArgumentNullException>();
        ((Action)(() => ToolCallsResponse.From((IEnumerable<ToolCallResult>)null!))).Should().ThrowExactly<ArgumentNullException>();
        ((Action)(() => KnowledgeBaseResponse.FromDocuments((IEnumerable<KnowledgeBaseDocument>)null!))).Should().ThrowExactly<ArgumentNullException>();
        ((Action)(() => HandoffDestinationResponse.To(null!))).Should().ThrowExactly<ArgumentNullException>();
    }

    [Fact]
    public void Result_and_error_texts_may_be_empty_and_null_becomes_empty()
    {
        ToolCallResult.Success("id", "f", null!).Result.Should().BeEmpty();
        ToolCallResult.Failure("id", "f", null!).Error.Should().BeEmpty();
        ToolCallResult.Success(null!).Result.Should().BeEmpty();
        ToolCallResult.Failure(null!).Error.Should().BeEmpty();
    }

    private static ToolCallResult WithMetadata(ToolCallResult result)
    {
        result.Metadata = JsonElement.Parse("""{"bookingId":"b-77","attempt":1}""");
        return result;
    }

    private static Assistant InlineAssistant() => new()
    {
        Name = "Riley",
        FirstMessage = "Thanks for calling Harbor Dental!",
        Model = new AssistantModel { Provider = "openai", Model = "gpt-4o" },
        Voice = new AssistantVoice { Provider = "11labs", VoiceId = "burt" },
        Transcriber = new AssistantTranscriber { Provider = "deepgram", Model = "nova-2", Language = "en" },
        EndCallPhrases = ["goodbye"],
        MaxDurationSeconds = 600,
    };
}
