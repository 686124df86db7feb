using VapiWebhooks.CallControl;
using VapiWebhooks.Models;
using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>
/// Every command, as the recorder received it over HTTP, validates against Vapi's <c>ClientInboundMessage*</c>
/// schema (copied into <c>schemas/</c> by <c>refresh.py</c>). <c>handoff</c> has no such schema yet; its
/// destination is checked against <c>HandoffDestinationAssistant</c>.
/// </summary>
public sealed class CallControlSchemaTests
{
    public static TheoryData<string, string> Commands() => new()
    {
        { "say", "ClientInboundMessageSay" },
        { "say-end", "ClientInboundMessageSay" },
        { "add-message", "ClientInboundMessageAddMessage" },
        { "add-message-user", "ClientInboundMessageAddMessage" },
        { "mute-assistant", "ClientInboundMessageControl" },
        { "unmute-assistant", "ClientInboundMessageControl" },
        { "mute-customer", "ClientInboundMessageControl" },
        { "unmute-customer", "ClientInboundMessageControl" },
        { "say-first-message", "ClientInboundMessageControl" },
        { "end-call", "ClientInboundMessageEndCall" },
        { "transfer-number", "ClientInboundMessageTransfer" },
        { "transfer-sip", "ClientInboundMessageTransfer" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_validates_against_its_ClientInboundMessage_schema(string command, string definition)
    {
        var received = await SendAsync(command);

        VapiSchemas.AssertValid(definition, received.Json);
        // And as the member of the ClientInboundMessage union Vapi's SDKs send.
        VapiSchemas.AssertValid("ClientInboundMessage", $$"""{"message":{{received.Json}}}""");
    }

    [Fact]
    public async Task Handoff_destination_validates_against_HandoffDestinationAssistant()
    {
        var received = await SendAsync("handoff");

        received.Type.Should().Be("handoff");
        received.Content.Should().Be("One moment.");
        var destination = received.Body!.Value.GetProperty("destination").GetRawText();
        VapiSchemas.AssertValid("HandoffDestinationAssistant", destination);
    }

    [Fact]
    public void A_control_with_an_unknown_action_would_be_refused_by_the_schema()
    {
        // The test above would pass vacuously if the definitions accepted anything.
        VapiSchemas.Validate("ClientInboundMessageControl", """{"type":"control","control":"mute-everyone"}""").Should().NotBeEmpty();
        VapiSchemas.Validate("ClientInboundMessageAddMessage", """{"type":"add-message","message":{"role":"narrator","content":"x"}}""").Should().NotBeEmpty();
        VapiSchemas.Validate("ClientInboundMessageTransfer", """{"type":"transfer","destination":{"type":"number"}}""").Should().NotBeEmpty();
    }

    private static async Task<RecordedCallCommand> SendAsync(string command)
    {
        await using var recorder = await CallControlRecorder.StartAsync();
        await using var services = new CallControlServices();
        var control = services.Factory.ForMessage(recorder.UseFor(VapiTestMessages.StatusUpdate(CallStatus.InProgress)))!;
        var result = command switch
        {
            "say" => await control.SayAsync("Your booking is confirmed."),
            "say-end" => await control.SayAsync("Goodbye.", endCallAfterSpoken: true, interruptionsEnabled: false),
            "add-message" => await control.AddMessageAsync("The SMS was delivered."),
            "add-message-user" => await control.AddMessageAsync("I said Tuesday.", "user", triggerResponse: false),
            "mute-assistant" => await control.MuteAssistantAsync(),
            "unmute-assistant" => await control.UnmuteAssistantAsync(),
            "mute-customer" => await control.MuteCustomerAsync(),
            "unmute-customer" => await control.UnmuteCustomerAsync(),
            "say-first-message" => await control.SayFirstMessageAsync(),
            "end-call" => await control.EndCallAsync(),
            "transfer-number" => await control.TransferAsync(new NumberTransferDestination { Number = "+14155550199", Extension = "12" }, "Transferring you."),
            "transfer-sip" => await control.TransferAsync(new SipTransferDestination { SipUri = "sip:desk@clinic.example" }),
            "handoff" => await control.HandoffAsync(HandoffDestination.ToAssistant("Billing"), "One moment."),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        result.Status.Should().Be(CallControlStatus.Sent);
        return recorder.Commands.Should().ContainSingle().Subject;
    }
}
