using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The sample's real <c>assistant-request</c> replies, as sent over HTTP, validate against Vapi's schema for that
/// reply (<c>ServerMessageResponseAssistantRequest</c>), in every variant the sample answers with.
/// </summary>
public sealed class AssistantReplySchemaTests : IDisposable
{
    private const string ReplyDefinition = "ServerMessageResponseAssistantRequest";
    private readonly SampleHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, bool> Callers => new()
    {
        { "+14155550888", true },  // a new caller, custom voice served here
        { "+14155550888", false }, // a new caller, Vapi's voice (espeak switched off)
        { "+14155550777", true },  // a known patient, greeted by name
        { "+14155550666", true },  // a blocked number: an error reply, no assistant
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_assistant_reply_the_sample_sends_validates_against_Vapis_schema(string number, bool espeak)
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Sample:Voice:UseEspeak", espeak ? "true" : "false"));
        var customers = factory.Services.GetRequiredService<CustomerStore>();
        await customers.SetBlockedAsync("+14155550666", blocked: true, CancellationToken.None);
        await customers.RememberAsync("+14155550777", "Ada Lovelace", CancellationToken.None);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SampleHostFactory.Token);

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(number));
        var json = await response.Content.ReadAsStringAsync();

        response.IsSuccessStatusCode.Should().BeTrue(json);
        json.Should().Contain(number switch { "+14155550777" => "Hi Ada", "+14155550666" => "\"error\"", _ => "Thank you for calling" });
        if (!espeak && number != "+14155550666")
        {
            json.Should().Contain("\"voice\":{\"provider\":\"vapi\"", "the fallback voice is the variant under test");
        }
        VapiSchemas.Validate(ReplyDefinition, json).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_receptionist_sets_the_plans_a_production_assistant_needs_all_typed()
    {
        using var client = _factory.CreateVapiClient();

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550888"));
        var assistant = (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).Assistant!;

        assistant.MonitorPlan!.ControlEnabled.Should().BeTrue("call control needs the control URL");
        assistant.StopSpeakingPlan!.NumWords.Should().Be(2);
        assistant.ArtifactPlan!.RecordingEnabled.Should().BeFalse();
        assistant.CompliancePlan!.HipaaEnabled.Should().BeFalse("HIPAA mode would drop the transcripts the call records keep");
        assistant.VoicemailDetection.Should().BeOfType<VapiVoicemailDetectionPlan>().Which.BackoffPlan!.MaxRetries.Should().Be(6);
        assistant.FirstMessageInterruptionsEnabled.Should().BeFalse();
        assistant.ExtensionData.Should().BeNullOrEmpty("the sample builds its assistant from typed properties only");
    }
}
