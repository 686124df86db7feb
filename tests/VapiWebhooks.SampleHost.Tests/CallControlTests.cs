using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Sms;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The sample acting on live calls through their control URL (the Testing package's recorder on loopback, real HTTP):
/// the async <c>send_confirmation</c> tool, the goodbye when the clinic closes mid-call, the transfer when the caller
/// asks for a person. The app's clock is manual: the fake SMS provider's seconds pass only when the test says so.
/// </summary>
public sealed class CallControlTests : IAsyncLifetime, IDisposable
{
    private readonly SampleHostFactory _factory = new();
    private HttpClient _client = null!;
    private CallControlRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateVapiClient();
        _recorder = await CallControlRecorder.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _recorder.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Send_confirmation_is_answered_at_once_and_the_text_reaches_the_call_once_the_provider_has_sent_it()
    {
        var booked = await _factory.Services.GetRequiredService<AppointmentStore>()
            .BookAsync(new DateTime(2026, 3, 3, 9, 0, 0), "Ada Lovelace", VapiTestMessages.DefaultCustomerNumber, "cleaning", null, CancellationToken.None);
        var sms = _factory.Services.GetRequiredService<FakeSmsSender>();
        var timersBefore = _factory.Clock.ActiveTimers;
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", $$"""{"appointmentId":{{booked.Id}}}""", Id: "call_sms", Async: true)));

        using var response = await _client.PostVapiMessageAsync(message);
        var acknowledged = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;

        // Answered while the provider is still "sending": no text yet, nothing posted to the call.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        acknowledged.ToolCallId.Should().Be("call_sms");
        acknowledged.Error.Should().BeNull();
        acknowledged.Result.Should().Be("Started; the result will follow.");
        sms.Sent.Should().BeEmpty();
        _recorder.Commands.Should().BeEmpty();

        // The tool's budget and the provider's 3 s delay are armed on the app's clock; let the 3 s pass.
        await _factory.Clock.WaitForActiveTimersAsync(timersBefore + 2, TimeSpan.FromSeconds(30));
        _factory.Clock.Advance(TimeSpan.FromSeconds(3));
        var delivered = await _recorder.WaitForCommandAsync(timeout: TimeSpan.FromSeconds(30));

        delivered.Type.Should().Be("add-message");
        delivered.CallId.Should().Be(message.CallId);
        delivered.Content.Should().Contain($"Texted the confirmation of appointment {booked.Id} to the caller's phone.");
        delivered.Body!.Value.GetProperty("triggerResponseEnabled").GetBoolean().Should().BeTrue("the assistant tells the caller");
        var text = sms.Sent.Should().ContainSingle().Subject;
        text.To.Should().Be(VapiTestMessages.DefaultCustomerNumber);
        text.Text.Should().Contain($"#{booked.Id}").And.Contain("Tuesday, March 3 at 9:00 AM");
    }

    [Fact]
    public async Task Send_confirmation_for_someone_elses_appointment_tells_the_call_it_failed_and_texts_nothing()
    {
        var booked = await _factory.Services.GetRequiredService<AppointmentStore>()
            .BookAsync(new DateTime(2026, 3, 3, 9, 30, 0), "Grace Hopper", "+14155550999", null, null, CancellationToken.None);
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(new TestToolCall("send_confirmation", $$"""{"appointmentId":{{booked.Id}}}""", Async: true)));

        using var response = await _client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Single().Error.Should().BeNull("the refusal comes after the reply");
        var delivered = await _recorder.WaitForCommandAsync(timeout: TimeSpan.FromSeconds(30));

        delivered.Type.Should().Be("add-message");
        delivered.Content.Should().Contain("failed").And.Contain($"No booked appointment number {booked.Id} from this phone number.");
        _factory.Services.GetRequiredService<FakeSmsSender>().Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task When_the_clinic_closes_mid_call_the_assistant_says_goodbye_and_hangs_up_once()
    {
        // Monday 17:58 clinic time (UTC-8); the call started at 17:50, while open. Monday closes at 18:00.
        AdvanceTo(new DateTimeOffset(2026, 3, 3, 1, 58, 0, TimeSpan.Zero));
        var call = _recorder.UseFor(VapiTestMessages.ConversationUpdate()).Call!;
        call.StartedAt = new DateTimeOffset(2026, 3, 3, 1, 50, 0, TimeSpan.Zero);

        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.ConversationUpdate(), call));
        _recorder.Commands.Should().BeEmpty("the clinic is still open");

        _factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.ConversationUpdate(), call));
        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.ConversationUpdate(), call));

        var goodbye = _recorder.Commands.Should().ContainSingle("once per call").Subject;
        goodbye.Type.Should().Be("say");
        goodbye.CallId.Should().Be(call.Id);
        goodbye.Content.Should().Contain("has just closed").And.Contain("tomorrow, Tuesday, from 08:00").And.EndWith("Goodbye!");
        goodbye.Body!.Value.GetProperty("endCallAfterSpoken").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_call_that_started_after_closing_is_not_ended()
    {
        AdvanceTo(new DateTimeOffset(2026, 3, 3, 2, 30, 0, TimeSpan.Zero)); // Monday 18:30
        var message = _recorder.UseFor(VapiTestMessages.ConversationUpdate());
        message.Call!.StartedAt = new DateTimeOffset(2026, 3, 3, 2, 20, 0, TimeSpan.Zero);

        await PostAsync(message);

        _recorder.Requests.Should().Be(0);
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_person_is_transferred_to_the_front_desk_once()
    {
        var call = _recorder.UseFor(VapiTestMessages.Transcript("Hi.")).Call!;

        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.Transcript("I'd like to book a cleaning."), call));
        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.Transcript("Sorry, can I talk to a real person?", "assistant"), call));
        _recorder.Commands.Should().BeEmpty("only the caller's words count");

        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.Transcript("Sorry, can I talk to a real person?"), call));
        await PostAsync(VapiTestMessages.ForCall(VapiTestMessages.Transcript("A human, please!"), call));

        var transfer = _recorder.Commands.Should().ContainSingle("once per call").Subject;
        transfer.Type.Should().Be("transfer");
        transfer.Content.Should().Be("Of course. I'm putting you through to our front desk now.");
        var destination = transfer.Body!.Value.GetProperty("destination");
        destination.GetProperty("type").GetString().Should().Be("number");
        destination.GetProperty("number").GetString().Should().Be("+14155550199");
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_person_while_the_front_desk_is_closed_hears_why_from_the_assistant()
    {
        AdvanceTo(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero)); // Monday 19:00: closed
        var message = _recorder.UseFor(VapiTestMessages.Transcript("Can I speak to someone at the front desk?"));

        await PostAsync(message);

        var told = _recorder.Commands.Should().ContainSingle().Subject;
        told.Type.Should().Be("add-message");
        told.Content.Should().Contain("the front desk is closed");
    }

    private void AdvanceTo(DateTimeOffset instant) => _factory.Clock.Advance(instant - _factory.Clock.GetUtcNow());

    private async Task PostAsync(ServerMessage message)
    {
        using var response = await _client.PostVapiMessageAsync(message);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
