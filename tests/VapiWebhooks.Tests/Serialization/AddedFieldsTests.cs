using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>The fields Vapi added since the model was written read as typed properties, not as ExtensionData.</summary>
public class AddedFieldsTests
{
    [Fact]
    public void A_transcript_names_the_assistant_that_spoke()
    {
        var message = (TranscriptMessage)VapiJson.DeserializeMessage("""{"message":{"type":"transcript","role":"assistant","transcriptType":"final","transcript":"Hi","assistantId":"a-1","assistantName":"Riley"}}"""u8, out _);

        message.AssistantId.Should().Be("a-1");
        message.AssistantName.Should().Be("Riley");
        message.ExtensionData.Should().BeNullOrEmpty();
    }

    [Fact]
    public void The_artifact_types_its_presigned_urls_transfers_activations_nodes_and_skipped_outputs()
    {
        var json = """
        {"message":{"type":"end-of-call-report","artifact":{
          "presignedMonoUrl":"https://s.example/m.wav?sig=1","presignedStereoUrl":"https://s.example/s.wav?sig=1","presignedVideoUrl":"https://s.example/v.mp4?sig=1",
          "presignedAssistantUrl":"https://s.example/a.wav?sig=1","presignedCustomerUrl":"https://s.example/c.wav?sig=1","presignedPcapUrl":"https://s.example/p.pcap?sig=1",
          "presignedLogUrl":"https://s.example/l.log?sig=1","presignedUrlsExpiresAt":"2026-08-19T10:00:00.000Z",
          "structuredOutputsLastUpdatedAt":"2026-08-19T09:00:00.000Z","videoRecordingStartDelaySeconds":1.5,
          "transfers":[{"destination":{"type":"number","number":"+14155550199"},"mode":"blind-transfer","status":"completed","transcript":"..."}],
          "assistantActivations":[{"assistantId":"a-1","assistantName":"Riley","assistantVersion":"v3"}],
          "nodes":[{"nodeName":"greeting","messages":[],"variableValues":{"name":"Dana"}}],
          "scorecards":{"sc-1":{"score":0.9}},
          "skippedStructuredOutputs":{"so-1":{"name":"upsell","unmetCondition":{"type":"regex"}}}
        }}}
        """;

        var artifact = ((EndOfCallReportMessage)VapiJson.DeserializeMessage(System.Text.Encoding.UTF8.GetBytes(json), out _)).Artifact!;

        artifact.PresignedMonoUrl.Should().Be(new Uri("https://s.example/m.wav?sig=1"));
        new[] { artifact.PresignedStereoUrl, artifact.PresignedVideoUrl, artifact.PresignedAssistantUrl, artifact.PresignedCustomerUrl, artifact.PresignedPcapUrl, artifact.PresignedLogUrl }
            .Should().OnlyContain(u => u != null && u.Query == "?sig=1");
        artifact.PresignedUrlsExpiresAt.Should().Be(new DateTimeOffset(2026, 8, 19, 10, 0, 0, TimeSpan.Zero));
        artifact.StructuredOutputsLastUpdatedAt.Should().Be(new DateTimeOffset(2026, 8, 19, 9, 0, 0, TimeSpan.Zero));
        artifact.Transfers.Should().ContainSingle().Which.Destination.Should().BeOfType<NumberTransferDestination>();
        artifact.AssistantActivations.Should().ContainSingle().Which.AssistantVersion.Should().Be("v3");
        artifact.Nodes.Should().ContainSingle().Which.NodeName.Should().Be("greeting");
        artifact.Scorecards!.Value.GetProperty("sc-1").GetProperty("score").GetDouble().Should().Be(0.9);
        artifact.SkippedStructuredOutputs!["so-1"].Name.Should().Be("upsell");
        artifact.ExtensionData.Should().BeNullOrEmpty();
        JsonElement.Parse(VapiJson.Serialize(artifact)).GetProperty("presignedUrlsExpiresAt").GetString().Should().Be("2026-08-19T10:00:00.000Z", "it is written back as Vapi wrote it");
    }

    [Fact]
    public void Assistant_started_types_the_new_assistant()
    {
        var message = (AssistantStartedMessage)VapiJson.DeserializeMessage("""{"message":{"type":"assistant.started","newAssistant":{"name":"Billing","firstMessage":"Hi, billing here."}}}"""u8, out _);

        message.NewAssistant!.Name.Should().Be("Billing");
        message.ExtensionData.Should().BeNullOrEmpty();
    }

    [Fact]
    public void A_handoff_destination_types_its_squad_dynamic_and_extraction_fields()
    {
        var destination = JsonSerializer.Deserialize("""{"type":"squad","squadId":"sq-1","entryAssistantName":"Greeter","variableExtractionPlan":{"schema":{"type":"object"}},"server":{"url":"https://example.com/handoff"}}""", VapiJsonContext.Default.HandoffDestination)!;

        destination.SquadId.Should().Be("sq-1");
        destination.EntryAssistantName.Should().Be("Greeter");
        destination.VariableExtractionPlan!.Schema!.Value.GetProperty("type").GetString().Should().Be("object");
        destination.Server!.Url.Should().Be("https://example.com/handoff");
        destination.ExtensionData.Should().BeNullOrEmpty();
    }
}
