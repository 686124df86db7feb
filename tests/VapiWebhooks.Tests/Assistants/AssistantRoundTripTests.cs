using System.Text.Json;
using System.Text.Json.Nodes;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Serialization;

namespace VapiWebhooks.Tests.Assistants;

/// <summary>
/// The assistant configuration generated from Vapi's spec reads and writes the reply to <c>assistant-request</c>
/// (and the assistant inside incoming messages) without losing or leaving anything untyped.
/// </summary>
/// <remarks>
/// Fixtures (written for these tests): <c>reply__current-shape.json</c> is an assistant in Vapi's current shape, the
/// one the sample host needs; <c>reply__legacy-shape.json</c> is an assistant as older Vapi examples write it, with
/// fields Vapi has since moved (<c>recordingEnabled</c>, <c>hipaaEnabled</c>, <c>serverUrl</c>, the voice's
/// <c>input*</c> settings, <c>model.functions</c>, the analysis plan's prompts, <c>messagePlan</c>...).
/// </remarks>
public class AssistantRoundTripTests
{
    /// <summary>
    /// Written-down leftovers of the legacy example: fields no current or former Vapi schema this library knows
    /// defines. None today: every legacy field of the example is typed (and obsolete).
    /// </summary>
    private static readonly string[] LegacyLeftovers = [];

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assistants", name));

    private static AssistantRequestResponse ReadReply(string json) =>
        JsonSerializer.Deserialize(json, VapiJsonContext.Default.AssistantRequestResponse)!;

    private static string Write(AssistantRequestResponse reply) => JsonSerializer.Serialize(reply, VapiJsonContext.Default.AssistantRequestResponse);

    [Fact]
    public void An_assistant_in_Vapis_current_shape_reads_with_nothing_untyped_and_writes_back_unchanged()
    {
        var json = Fixture("reply__current-shape.json");

        var reply = ReadReply(json);

        ExtensionDataWalker.UntypedPaths(reply).Should().BeEmpty();
        var assistant = reply.Assistant!;
        var model = assistant.Model.Should().BeOfType<OpenAIModel>().Subject;
        model.Tools.Should().SatisfyRespectively(
            t => t.Should().BeOfType<FunctionTool>().Which.Function!.Parameters!.Properties!["date"].Type.Should().Be("string"),
            t => t.Should().BeOfType<TransferCallTool>().Which.Destinations![0].Should().BeOfType<NumberTransferDestination>(),
            t => t.Should().BeOfType<EndCallTool>());
        model.KnowledgeBase.Should().BeOfType<CustomKnowledgeBase>().Which.Server!.TimeoutSeconds.Should().Be(10);
        assistant.Voice.Should().BeOfType<CustomVoice>().Which.ChunkPlan!.MinCharacters.Should().Be(30);
        assistant.Transcriber.Should().BeOfType<DeepgramTranscriber>().Which.Model.Should().Be("nova-3");
        assistant.StartSpeakingPlan!.SmartEndpointingPlan.Should().BeOfType<CustomEndpointingModelSmartEndpointingPlan>();
        assistant.StopSpeakingPlan!.NumWords.Should().Be(2);
        assistant.ArtifactPlan!.RecordingEnabled.Should().BeTrue();
        assistant.CompliancePlan!.HipaaEnabled.Should().BeFalse();
        assistant.MonitorPlan!.ControlEnabled.Should().BeTrue();
        assistant.VoicemailDetection.Should().BeOfType<VapiVoicemailDetectionPlan>().Which.BackoffPlan!.MaxRetries.Should().Be(6);
        assistant.FirstMessageInterruptionsEnabled.Should().BeFalse();
        assistant.Server!.BackoffPlan!.Type.Should().Be("exponential");
        reply.AssistantOverrides!.VariableValues!["patientName"]!.GetValue<string>().Should().Be("Dana");
        JsonSemantic.Differences(json, Write(reply)).Should().BeEmpty();
    }

    [Fact]
    public void An_assistant_in_the_older_shape_writes_back_unchanged_with_the_moved_fields_typed_and_obsolete()
    {
        var json = Fixture("reply__legacy-shape.json");

        var reply = ReadReply(json);

        ExtensionDataWalker.UntypedPaths(reply).Should().BeEquivalentTo(LegacyLeftovers);
#pragma warning disable CS0618 // The point of the test: the moved fields are still read.
        reply.Assistant!.RecordingEnabled.Should().BeTrue();
        reply.Assistant.HipaaEnabled.Should().BeFalse();
        reply.Assistant.ServerUrl.Should().Be("https://legacy.example.com/vapi");
        reply.Assistant.ResponseDelaySeconds.Should().Be(0.4);
        reply.Assistant.Voice.Should().BeOfType<ElevenLabsVoice>().Which.InputMinCharacters.Should().Be(30);
        reply.Assistant.Model.Should().BeOfType<OpenAIModel>().Which.Functions![0].Name.Should().Be("lookup_order");
        reply.Assistant.AnalysisPlan!.SummaryPrompt.Should().StartWith("Summarise");
#pragma warning restore CS0618
        JsonSemantic.Differences(json, Write(reply)).Should().BeEmpty();
    }

    [Fact]
    public void A_provider_this_library_does_not_know_is_kept_whole_and_written_back()
    {
        const string voice = """{"provider":"acme-tts","voiceId":"nova","warmth":{"level":3}}""";
        var json = """{"assistant":{"voice":""" + voice + ""","voicemailDetection":"off","model":{"provider":"acme-llm","model":"x"}}}""";

        var reply = ReadReply(json);

        var unknown = reply.Assistant!.Voice.Should().BeOfType<UnknownAssistantVoice>().Subject;
        unknown.Provider.Should().Be("acme-tts");
        unknown.RawJson.GetRawText().Should().Be(voice);
        reply.Assistant.Model.Should().BeOfType<UnknownAssistantModel>().Which.Provider.Should().Be("acme-llm");
        reply.Assistant.VoicemailDetection.Should().BeOfType<UnknownVoicemailDetectionPlan>().Which.RawJson.GetString().Should().Be("off");
        JsonSemantic.Differences(json, Write(reply)).Should().BeEmpty();
    }

    [Fact]
    public void The_assistant_of_an_incoming_message_is_the_same_typed_model_read_on_first_access()
    {
        var assistantJson = JsonNode.Parse(Fixture("reply__current-shape.json"))!["assistant"]!.ToJsonString();
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            m["assistant"] = JsonNode.Parse(assistantJson);
            m["call"]!["assistant"] = JsonNode.Parse(assistantJson);
        });

        var report = VapiJson.DeserializeMessage(body).Should().BeOfType<EndOfCallReportMessage>().Subject;

        report.Assistant!.Model.Should().BeOfType<OpenAIModel>().Which.KnowledgeBase.Should().BeOfType<CustomKnowledgeBase>();
        report.Call!.Assistant!.Voice.Should().BeOfType<CustomVoice>();
        ExtensionDataWalker.UntypedPaths(report.Assistant).Should().BeEmpty();
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    [Fact]
    public void The_calls_overrides_and_squad_are_the_reply_types_read_on_first_access_and_written_back_unchanged()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            m["call"]!["assistantOverrides"] = JsonNode.Parse("""{"variableValues":{"patientName":"Dana"},"firstMessage":"Hi Dana!","voice":{"provider":"vapi","voiceId":"Elliot"}}""");
            m["call"]!["squad"] = JsonNode.Parse("""{"members":[{"assistantId":"a-1","assistantOverrides":{"variableValues":{"tier":"gold"}}},{"assistant":{"name":"Billing","firstMessage":"Billing here."}}]}""");
            m["call"]!["squadOverrides"] = JsonNode.Parse("""{"variableValues":{"clinic":"Brightsmile"}}""");
        });

        var call = VapiJson.DeserializeMessage(body).Call!;

        call.AssistantOverrides!.VariableValues!["patientName"]!.GetValue<string>().Should().Be("Dana");
        call.AssistantOverrides.Voice.Should().BeOfType<VapiVoice>();
        call.Squad!.Members![0].AssistantOverrides!.VariableValues!["tier"]!.GetValue<string>().Should().Be("gold");
        call.Squad.Members[1].Assistant!.Name.Should().Be("Billing");
        call.SquadOverrides!.VariableValues!["clinic"]!.GetValue<string>().Should().Be("Brightsmile");
        ExtensionDataWalker.UntypedPaths(call).Should().BeEmpty();
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(VapiJson.DeserializeMessage(body))).Should().BeEmpty("an untouched deferred part is written back as it came");
        var read = VapiJson.DeserializeMessage(body);
        _ = read.Call!.Squad;
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(read)).Should().BeEmpty("a part read once is written back unchanged");
    }

    [Fact]
    public void A_call_override_that_does_not_match_the_model_names_its_path_when_read()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["call"]!["assistantOverrides"] = JsonNode.Parse("""{"variableValues":"not an object"}"""));
        var call = VapiJson.DeserializeMessage(body).Call!;

        var read = () => call.AssistantOverrides;

        read.Should().Throw<JsonException>().Where(e => e.Message.Contains("$.message.call.assistantOverrides", StringComparison.Ordinal));
    }

    [Fact]
    public void An_assistant_request_reply_transfers_only_to_a_number_or_a_SIP_URI()
    {
        var reply = new AssistantRequestResponse { Destination = new SipTransferDestination { SipUri = "sip:desk@example.com" } };

        var assign = () => reply.Destination = new AssistantTransferDestination { AssistantName = "Billing" };

        assign.Should().Throw<ArgumentException>().WithMessage("*only to a number or a SIP URI*");
        reply.Destination.Should().BeOfType<SipTransferDestination>();
    }
}
