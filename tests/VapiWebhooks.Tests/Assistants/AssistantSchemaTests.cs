using System.Text.Json;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.Tests.Assistants;

/// <summary>Replies built in code with the generated types validate against Vapi's schema, every variant the sample uses included.</summary>
public class AssistantSchemaTests
{
    private const string Reply = "ServerMessageResponseAssistantRequest";
    private const string Webhook = "https://clinic.example.com/vapi/webhook";

    private static readonly VapiAuthenticationOptions Bearer = new() { Bearer = new VapiBearerOptions { Tokens = ["a-long-enough-test-token-0123456789"] } };

    private static string Write(AssistantRequestResponse reply) => JsonSerializer.Serialize(reply, VapiJsonContext.Default.AssistantRequestResponse);

    /// <summary>The receptionist's shape: what the sample host answers with.</summary>
    private static Assistant Receptionist(bool customVoice)
    {
        var server = ServerConfig.ForThisEndpoint(Webhook, Bearer, timeoutSeconds: 20);
        return new Assistant
        {
            Name = "Clinic receptionist",
            FirstMessage = "Thank you for calling. How can I help you today?",
            FirstMessageMode = "assistant-speaks-first",
            Model = new OpenAIModel
            {
                Model = "gpt-4o-mini",
                Temperature = 0.3,
                Messages = [new OpenAIMessage { Role = ConversationRole.System, Content = "You are the receptionist." }],
                Tools =
                [
                    FunctionTool.ServedBy(server, "find_free_slots", "List the free slots on a day.", new()
                    {
                        ["date"] = JsonSchema.ForString("The day, yyyy-MM-dd."),
                        ["partOfDay"] = JsonSchema.ForString("Morning or afternoon.", "morning", "afternoon"),
                    }, "date"),
                    FunctionTool.ServedBy(server, "cancel_appointment", "Cancel an appointment.", new() { ["appointmentId"] = JsonSchema.ForInteger("The number.") }, "appointmentId"),
                    new TransferCallTool(),
                ],
                KnowledgeBase = new CustomKnowledgeBase { Server = ServerConfig.ForThisEndpoint(Webhook, Bearer, credentialId: "cred-1", timeoutSeconds: 10) },
            },
            Voice = customVoice
                ? new CustomVoice { Server = ServerConfig.ForThisEndpoint("https://clinic.example.com/vapi/voice", Bearer), CachingEnabled = true }
                : new VapiVoice { VoiceId = "Elliot" },
            Transcriber = new DeepgramTranscriber { Model = "nova-2", Language = "en" },
            StartSpeakingPlan = new StartSpeakingPlan { SmartEndpointingPlan = new CustomEndpointingModelSmartEndpointingPlan { Server = server } },
            StopSpeakingPlan = new StopSpeakingPlan { NumWords = 2 },
            ArtifactPlan = new ArtifactPlan { RecordingEnabled = true },
            CompliancePlan = new CompliancePlan { HipaaEnabled = false },
            MonitorPlan = new MonitorPlan { ControlEnabled = true },
            VoicemailDetection = new VapiVoicemailDetectionPlan(),
            FirstMessageInterruptionsEnabled = false,
            Server = server,
            // Not set here: the spec puts the serverMessages enum on the array instead of its items, so no list validates.
            EndCallPhrases = ["goodbye"],
            MaxDurationSeconds = 900,
        };
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_receptionist_built_in_code_validates(bool customVoice)
    {
        var json = Write(AssistantRequestResponse.ForAssistant(Receptionist(customVoice)));

        VapiSchemas.AssertValid(Reply, json);
        json.Should().Contain("\"provider\":\"custom-endpointing-model\"").And.Contain("\"provider\":\"custom-knowledge-base\"");
    }

    [Fact]
    public void A_saved_assistant_with_variable_values_validates()
    {
        var reply = AssistantRequestResponse.ForAssistantId("2f6b8c1e-assistant", new AssistantOverrides
        {
            VariableValues = new() { ["patientName"] = "Dana", ["visits"] = 3 },
            FirstMessage = "Hi {{patientName}}!",
        });

        var json = Write(reply);

        VapiSchemas.AssertValid(Reply, json);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("assistantOverrides").GetProperty("variableValues").GetProperty("visits").GetInt32().Should().Be(3);
    }

    [Fact]
    public void Plain_string_forms_the_spec_allows_are_written_as_strings_and_validate()
    {
        var assistant = new Assistant
        {
            VoicemailDetection = "off",
            Model = new OpenAIModel
            {
                Model = "gpt-4o",
                Tools = [new TransferCallTool { Destinations = [new NumberTransferDestination { Number = "+14155550100", Message = "Transferring you now." }] }],
            },
        };

        var json = Write(AssistantRequestResponse.ForAssistant(assistant));

        VapiSchemas.AssertValid(Reply, json);
        json.Should().Contain("\"voicemailDetection\":\"off\"").And.Contain("\"message\":\"Transferring you now.\"");
    }

    [Fact]
    public void A_server_without_a_credential_or_a_token_is_refused()
    {
        var build = () => ServerConfig.ForThisEndpoint(Webhook, new VapiAuthenticationOptions());

        build.Should().Throw<InvalidOperationException>().WithMessage("*credential id*bearer token*");
    }
}
