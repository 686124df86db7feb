using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Handlers;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

public sealed class HandlerTests : IDisposable
{
    private readonly SampleHostFactory _factory = new();
    private readonly HttpClient _client;

    public HandlerTests() => _client = _factory.CreateVapiClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_blocked_caller_is_rejected_with_a_spoken_error()
    {
        await _factory.Services.GetRequiredService<CustomerStore>().SetBlockedAsync("+14155550666", blocked: true, CancellationToken.None);

        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550666"));
        var reply = await response.ReadVapiReplyAsync<AssistantRequestResponse>();

        reply.Assistant.Should().BeNull();
        reply.Error.Should().StartWith("Sorry, we can't take calls from this number at Brightsmile Dental.");
    }

    [Fact]
    public async Task A_known_caller_is_greeted_by_name()
    {
        await _factory.Services.GetRequiredService<CustomerStore>().RememberAsync("+14155550777", "Ada Lovelace", CancellationToken.None);

        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550777"));
        var reply = await response.ReadVapiReplyAsync<AssistantRequestResponse>();

        reply.Error.Should().BeNull();
        reply.Assistant!.FirstMessage.Should().Be("Hi Ada, welcome back to Brightsmile Dental! How can I help you today?");
        reply.Assistant.Model.Should().BeOfType<OpenAIModel>().Which.Messages![0].Content.Should().Contain("The caller is Ada Lovelace, a known patient.");
    }

    [Fact]
    public async Task A_new_caller_gets_the_generic_greeting_and_a_complete_assistant()
    {
        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550888"));
        var assistant = (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).Assistant!;

        assistant.FirstMessage.Should().StartWith("Thank you for calling Brightsmile Dental");
        var model = assistant.Model.Should().BeOfType<OpenAIModel>().Subject;
        model.Model.Should().Be("gpt-4o-mini");
        assistant.Transcriber.Should().BeOfType<DeepgramTranscriber>();

        // Every server URL points back at this host (the test server's own scheme and host), with the credential.
        assistant.Server!.Url.Should().Be("http://localhost/vapi/webhook");
        assistant.Server.Headers!["Authorization"].Should().Be("Bearer " + SampleHostFactory.Token);
        var functions = model.Tools!.OfType<FunctionTool>().ToList();
        functions.Select(t => t.Function!.Name).Should().BeEquivalentTo("find_free_slots", "book_appointment", "send_confirmation", "cancel_appointment", "look_up_appointment");
        functions.Where(t => t.Async == true).Select(t => t.Function!.Name).Should().Equal(["send_confirmation"], "texting takes seconds: Vapi must not wait for it");
        functions.Should().OnlyContain(t => t.Server!.Url == "http://localhost/vapi/webhook");
        model.Tools.Should().ContainSingle(t => t is TransferCallTool);
        model.KnowledgeBase.Should().BeOfType<CustomKnowledgeBase>().Which.Server!.Url.Should().Be("http://localhost/vapi/webhook");
        assistant.StartSpeakingPlan!.SmartEndpointingPlan.Should().BeOfType<CustomEndpointingModelSmartEndpointingPlan>()
            .Which.Server!.Url.Should().Be("http://localhost/vapi/webhook");
    }

    [Fact]
    public async Task The_assistant_subscribes_to_every_notification_the_host_handles_including_end_of_call_report()
    {
        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550888"));
        var assistant = (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).Assistant!;

        // conversation-update and transcript: the closing-time and ask-for-a-person handlers, which act through call control.
        assistant.ServerMessages.Should().Equal(
            ServerMessageTypes.ConversationUpdate,
            ServerMessageTypes.EndOfCallReport,
            ServerMessageTypes.StatusUpdate,
            ServerMessageTypes.Transcript,
            ServerMessageTypes.ToolCalls,
            ServerMessageTypes.TransferDestinationRequest);

        // Voice, knowledge base and endpointing requests are switched on by the assistant's configuration, and are not
        // valid serverMessages values: listing them would make Vapi refuse the assistant.
        assistant.ServerMessages.Should().NotContain([ServerMessageTypes.VoiceRequest, ServerMessageTypes.KnowledgeBaseRequest, ServerMessageTypes.CallEndpointingRequest]);
        assistant.ServerMessages.Should().BeSubsetOf(VapiServerMessages.SubscribableTypes);
    }

    [Fact]
    public async Task The_public_base_url_from_configuration_wins_over_the_request_host()
    {
        using var factory = new SampleHostFactory();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Sample:PublicBaseUrl", "https://clinic.ngrok.app/"));
        using var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SampleHostFactory.Token);

        using var response = await client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest("+14155550888"));
        var assistant = (await response.ReadVapiReplyAsync<AssistantRequestResponse>()).Assistant!;

        assistant.Server!.Url.Should().Be("https://clinic.ngrok.app/vapi/webhook");
    }

    [Fact]
    public async Task The_end_of_call_report_and_status_updates_are_recorded_and_readable()
    {
        var callId = Guid.NewGuid().ToString();
        foreach (var status in new[] { CallStatus.Ringing, CallStatus.InProgress, CallStatus.Ended })
        {
            var update = VapiTestMessages.StatusUpdate(status);
            update.Call!.Id = callId;
            if (status == CallStatus.Ended)
            {
                update.EndedReason = EndedReason.CustomerEndedCall;
            }

            using var statusResponse = await _client.PostVapiMessageAsync(update);
            statusResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        }

        var report = VapiTestMessages.EndOfCallReport("The caller booked a cleaning for Tuesday at 9am.");
        report.Call!.Id = callId;
        using var response = await _client.PostVapiMessageAsync(report);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);

        // Answered once stored in the inbox; the record is written when the worker has handled all four messages.
        var record = await CallRecords.WaitForAsync(_factory.Services, callId, r => r.Summary is not null && r.Timeline.Count == 3);
        record.Summary.Should().Be("The caller booked a cleaning for Tuesday at 9am.");
        record.Transcript.Should().Contain("User: I'd like to book a cleaning.");
        record.Cost.Should().BeApproximately(0.0712, 1e-9);
        record.EndedReason.Should().Be("customer-ended-call");
        record.RecordingUrl.Should().Be(report.Artifact!.RecordingUrl!.ToString());
        record.StartedAt.Should().Be(report.StartedAt);
        record.EndedAt.Should().Be(report.EndedAt);
        record.CustomerPhone.Should().Be(VapiTestMessages.DefaultCustomerNumber);
        record.Timeline.Select(e => e.Status).Should().Equal("ringing", "in-progress", "ended");
        record.Timeline[^1].EndedReason.Should().Be("customer-ended-call");
    }

    [Fact]
    public async Task Transfers_go_to_the_front_desk_during_opening_hours_and_are_refused_after()
    {
        // Monday 10:00 clinic time: open.
        using (var response = await _client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest()))
        {
            var reply = await response.ReadVapiReplyAsync<TransferDestinationResponse>();
            reply.Error.Should().BeNull();
            var desk = reply.Destination.Should().BeOfType<NumberTransferDestination>().Subject;
            desk.Number.Should().Be("+14155550199");
            desk.Message.Should().BeOfType<CustomMessage>().Which.Content.Should().Contain("front desk");
        }

        // Monday 18:30: closed (Monday closes at 18:00).
        _factory.Clock.Advance(TimeSpan.FromHours(8.5));
        using (var response = await _client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest()))
        {
            var reply = await response.ReadVapiReplyAsync<TransferDestinationResponse>();
            reply.Destination.Should().BeNull();
            reply.Error.Should().StartWith("The front desk is closed right now.").And.Contain("Monday 08:00-18:00");
        }

        // Saturday 10:00 (5 days later, minus the 8.5 hours): open again.
        _factory.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromHours(8.5));
        using (var response = await _client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest()))
        {
            (await response.ReadVapiReplyAsync<TransferDestinationResponse>()).Destination.Should().NotBeNull();
        }

        // Sunday 10:00: closed all day.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        using (var response = await _client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest()))
        {
            (await response.ReadVapiReplyAsync<TransferDestinationResponse>()).Error.Should().NotBeNull();
        }
    }

    [Theory]
    [InlineData("I'd like to book a cleaning.", EndpointingHandler.AfterCompleteSentence)]
    [InlineData("Do you take Delta Dental?", EndpointingHandler.AfterCompleteSentence)]
    [InlineData("Yes!", EndpointingHandler.AfterCompleteSentence)]
    [InlineData("I need a check-up and", EndpointingHandler.AfterTrailingWord)]
    [InlineData("my phone number is um", EndpointingHandler.AfterTrailingWord)]
    [InlineData("I'm calling because", EndpointingHandler.AfterTrailingWord)]
    [InlineData("So", EndpointingHandler.AfterTrailingWord)]
    [InlineData("Tuesday works, but maybe,", EndpointingHandler.AfterTrailingWord)]
    [InlineData("let me think...", EndpointingHandler.AfterTrailingWord)]
    [InlineData("I'd like to book an appointment", EndpointingHandler.Default)]
    [InlineData("", EndpointingHandler.Default)]
    [InlineData(null, EndpointingHandler.Default)]
    public void The_endpointing_heuristic_waits_longer_after_a_trailing_conjunction_or_filler(string? text, double expected)
        => EndpointingHandler.Decide(text).Should().Be(expected);

    [Theory]
    [InlineData("I want to book a cleaning for Tuesday.", 0.6)]
    [InlineData("I want to book a cleaning for Tuesday and uh", 2.5)]
    [InlineData("I'd like to book an appointment", 1.2)]
    public async Task The_endpointing_request_is_answered_over_http(string text, double expected)
    {
        using var response = await _client.PostVapiMessageAsync(VapiTestMessages.CallEndpointingRequest(text));
        (await response.ReadVapiReplyAsync<CallEndpointingResponse>()).TimeoutSeconds.Should().Be(expected);
    }

    [Fact]
    public async Task The_request_log_never_parses_unauthenticated_bodies_and_they_get_401()
    {
        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("find_free_slots", """{"date":"2026-03-03"}""")));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("freeSlots");
    }

    [Fact]
    public async Task Unknown_message_types_are_accepted()
    {
        using var response = await _client.PostVapiBodyAsync("""{"message":{"type":"brand-new.event","call":{"id":"c1"}}}"""u8.ToArray());
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
    }
}
