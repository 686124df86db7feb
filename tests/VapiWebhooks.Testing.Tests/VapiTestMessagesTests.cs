using System.Reflection;
using System.Text;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.Tests.Testing;

public class VapiTestMessagesTests
{
    /// <summary>Every constant of <see cref="ServerMessageTypes"/>.</summary>
    public static IEnumerable<object[]> AllTypes =>
        typeof(ServerMessageTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => new object[] { (string)f.GetRawConstantValue()! });

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_type_has_a_builder_whose_message_reads_back_as_that_type(string type)
    {
        var built = VapiTestMessages.ForType(type);

        var read = VapiJson.DeserializeMessage(VapiJson.SerializeEnvelope(built));

        read.Should().NotBeOfType<UnknownServerMessage>();
        read.GetType().Should().Be(built.GetType());
        read.Type.Should().Be(type);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_builder_validates_against_its_request_schema(string type)
    {
        var definition = VapiSchemas.RequestDefinitionFor(type);
        if (definition is null)
        {
            // function-call, assistant.started and language-changed: Vapi sends them, its spec has no schema.
            new[] { ServerMessageTypes.FunctionCall, ServerMessageTypes.AssistantStarted, ServerMessageTypes.LanguageChanged }.Should().Contain(type);
            return;
        }

        var message = VapiTestMessages.ForType(type);
        if (message is ToolCallsMessage toolCalls)
        {
            // Spec quirk: ToolCallFunction.arguments is a string in the spec, an object in real traffic (WIRE.md).
            // The builder sends what Vapi sends by default; the string form is the one the spec describes.
            toolCalls = VapiTestMessages.ToolCalls(new TestToolCall("check_availability", """{"date":"2026-03-03"}""", ArgumentsAsString: true));
            message = toolCalls;
        }

        VapiSchemas.AssertValid(definition, Body(message));
    }

    /// <summary>Builders with non-default arguments, beyond <see cref="VapiTestMessages.ForType"/>.</summary>
    public static TheoryData<string, Func<ServerMessage>> Variants => new()
    {
        { "partial transcript", () => VapiTestMessages.PartialTranscript("I'd like", "user") },
        { "final transcript alias", () => VapiTestMessages.FinalTranscriptAlias("Thanks.", "assistant") },
        { "status ended with reason", () => VapiTestMessages.StatusUpdate(CallStatus.Ended, EndedReason.AssistantEndedCall) },
        { "phone hang-up", () => VapiTestMessages.PhoneCallControl("hang-up") },
        { "speech stopped with artifact", () => VapiTestMessages.SpeechUpdate(SpeechStatus.Stopped, "assistant", 3, new VapiTestConversation().Bot("Hi.")) },
        { "model output", () => VapiTestMessages.ModelOutput("Sure.", "turn_1") },
        { "transfer to sip", () => VapiTestMessages.TransferUpdate(new SipTransferDestination { SipUri = "sip:billing@example.com" }) },
        { "artifact upload all ok", () => VapiTestMessages.CallArtifactUpload(pcapSucceeded: true) },
        { "tool calls, two tools, string arguments", () => VapiTestMessages.ToolCalls(new TestToolCall("a", """{"x":1}""", ArgumentsAsString: true), new TestToolCall("b", "{}", ArgumentsAsString: true, TimeoutSeconds: 5)) },
        { "end of call report, rejected", () => VapiTestMessages.EndOfCallReport(new VapiTestConversation(), "Rejected.", EndedReason.AssistantRequestReturnedError) },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Builder_variants_read_back_and_validate(string variant, Func<ServerMessage> build)
    {
        var built = build();

        var read = VapiJson.DeserializeMessage(VapiJson.SerializeEnvelope(built));

        read.GetType().Should().Be(built.GetType(), variant);
        read.Type.Should().Be(built.Type, variant);
        VapiSchemas.AssertValid(VapiSchemas.RequestDefinitionFor(built.Type)!, Body(built));
    }

    [Fact]
    public void Tool_calls_with_object_arguments_differ_from_the_spec_only_in_arguments()
    {
        var message = VapiTestMessages.ToolCalls(new TestToolCall("check_availability", """{"date":"2026-03-03"}"""));

        var errors = VapiSchemas.Validate("ServerMessageToolCalls", Body(message));

        errors.Should().NotBeEmpty();
        errors.Should().OnlyContain(e => (e.Path + e.Detail).Contains("function.arguments", StringComparison.Ordinal));
        errors.Where(e => e.Detail != null).Should().OnlyContain(e =>
            e.Detail!.Contains("FunctionToolWithToolCall: StringExpected #/toolWithToolCallList[0].toolCall.function.arguments;", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conversation_grows_in_order_with_plausible_times()
    {
        var conversation = new VapiTestConversation()
            .Bot("Thanks for calling. How can I help?")
            .User("Book me a cleaning on Tuesday please.");
        var call = new ToolCall { Id = "call_1", Type = "function", Function = new ToolCallFunction { Name = "book", Arguments = System.Text.Json.JsonElement.Parse("""{"day":"Tuesday"}""") } };
        conversation.ToolCalls(call).ToolResult("call_1", "book", "Booked for Tuesday 10am").Bot("You're booked for Tuesday at ten.");

        var messages = conversation.ToMessages();

        messages.Select(m => m.Role.Value).Should().Equal("system", "bot", "user", "tool_calls", "tool_call_result", "bot");
        messages.Select(m => m.Time).Should().BeInAscendingOrder();
        conversation.Transcript.Should().Be("AI: Thanks for calling. How can I help?\nUser: Book me a cleaning on Tuesday please.\nAI: You're booked for Tuesday at ten.\n");
        conversation.LastUserText.Should().Be("Book me a cleaning on Tuesday please.");
        conversation.ToOpenAIMessages().Select(m => m.Role!.Value.Value).Should().Equal("system", "assistant", "user", "assistant", "tool", "assistant");
        ((ToolCallsConversationMessage)messages[3]).ToolCalls![0].Function!.ArgumentsArrivedAsString.Should().BeTrue();
    }

    [Fact]
    public void End_of_call_report_for_a_conversation_carries_it_and_the_legacy_duplicates()
    {
        var conversation = new VapiTestConversation().Bot("Hello.").User("Bye.");

        var report = VapiTestMessages.EndOfCallReport(conversation, "Short call.", EndedReason.CustomerEndedCall);

        report.Artifact!.Transcript.Should().Be(conversation.Transcript);
        report.Transcript.Should().Be(conversation.Transcript);
        report.Summary.Should().Be("Short call.");
        report.Analysis!.Summary.Should().Be("Short call.");
        report.Messages.Should().HaveCount(3);
        report.EndedAt.Should().Be(conversation.Now);
        report.DurationSeconds.Should().BeGreaterThan(0);
        report.Cost.Should().Be(report.Costs!.Sum(c => c.Cost));
        VapiSchemas.AssertValid("ServerMessageEndOfCallReport", Body(report));
    }

    [Fact]
    public void ForCall_puts_messages_on_one_call()
    {
        var call = VapiTestMessages.Call("+15550001111", "call-123");

        var transcript = VapiTestMessages.ForCall(VapiTestMessages.Transcript(), call);
        var update = VapiTestMessages.ForCall(VapiTestMessages.StatusUpdate(CallStatus.Ended, EndedReason.AssistantEndedCall), call);

        transcript.CallId.Should().Be("call-123");
        update.CallId.Should().Be("call-123");
        update.Customer!.Number.Should().Be("+15550001111");
        update.Timestamp.Should().NotBeNull();
    }

    [Fact]
    public void Chat_and_session_messages_have_no_call()
    {
        VapiTestMessages.ChatCreated().Call.Should().BeNull();
        VapiTestMessages.SessionDeleted().Call.Should().BeNull();
        VapiTestMessages.ChatCreated().Chat!.Id.Should().NotBeNullOrEmpty();
    }

    private static string Body(ServerMessage message)
    {
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(VapiJson.SerializeEnvelope(message)))!;
        return envelope["message"]!.ToJsonString();
    }
}
