using System.Net;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Endpoint;

public abstract class OrderedStatusHandler(HandlerLog log, string name) : IServerMessageHandler<StatusUpdateMessage>
{
    public virtual Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        log.Add(name, message);
        return Task.CompletedTask;
    }
}

public sealed class FirstStatusHandler(HandlerLog log) : OrderedStatusHandler(log, "first");

public sealed class SecondStatusHandler(HandlerLog log) : OrderedStatusHandler(log, "second");

public sealed class ThirdStatusHandler(HandlerLog log) : OrderedStatusHandler(log, "third");

public sealed class FailingStatusHandler(HandlerLog log) : OrderedStatusHandler(log, "failing")
{
    public override async Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        await base.HandleAsync(message, cancellationToken);
        throw new InvalidOperationException("The CRM is down.");
    }
}

/// <summary>Records only as the catch-all.</summary>
public sealed class CatchAllHandler(HandlerLog log) : IServerMessageHandler<ServerMessage>
{
    public Task HandleAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        log.Add(HandlerLog.CatchAll, message);
        return Task.CompletedTask;
    }
}

public class NotificationHandlerTests
{
    [Theory]
    [MemberData(nameof(FixtureFiles.All), MemberType = typeof(FixtureFiles))]
    public async Task The_catch_all_sees_every_message(string relativePath, string wireType)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi));

        using var response = await host.Client.PostVapiBodyAsync(FixtureFiles.ReadBytes(relativePath));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await response.Content.ReadAsByteArrayAsync();
        if (wireType == ServerMessageTypes.VoiceRequest)
        {
            // Observers of a voice request run once the audio is complete, so the reply's end comes first.
            for (var i = 0; i < 200 && host.Log.Of(HandlerLog.CatchAll).Count == 0; i++)
            {
                await Task.Delay(25);
            }
        }

        var seen = host.Log.Of(HandlerLog.CatchAll).Should().ContainSingle($"the catch-all sees '{wireType}' once").Subject;
        seen.Message.Type.Should().Be(wireType);
    }

    [Fact]
    public async Task The_catch_all_sees_an_unknown_type_a_notification_and_a_request_and_the_request_is_still_answered()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<CatchAllHandler>().AddHandler<MultiHandler>());

        using var unknown = await host.Client.PostVapiMessageAsync(VapiTestMessages.Unknown("call.recording.ready"));
        using var status = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.Ended));
        using var assistant = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        (await unknown.ReadJsonAsync()).GetRawText().Should().Be("{}");
        (await status.ReadJsonAsync()).GetRawText().Should().Be("{}");
        (await assistant.ReadVapiReplyAsync<global::VapiWebhooks.Responses.AssistantRequestResponse>()).AssistantId.Should().Be("asst-multi");
        host.Log.Of(HandlerLog.CatchAll).Select(c => c.Message.Type).Should().Equal("call.recording.ready", ServerMessageTypes.StatusUpdate, ServerMessageTypes.AssistantRequest);
    }

    [Fact]
    public async Task Several_handlers_of_one_type_all_run_in_registration_order_then_the_catch_all()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddHandler<CatchAllHandler>()
            .AddHandler<SecondStatusHandler>()
            .AddHandler<FirstStatusHandler>()
            .AddHandler<ThirdStatusHandler>());

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress));

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
        host.Log.Calls.Select(c => c.Handler).Should().Equal("second", "first", "third", HandlerLog.CatchAll);
        host.Log.Calls.Select(c => c.Message).Distinct().Should().ContainSingle("every handler gets the same message");
    }

    [Fact]
    public async Task One_failing_handler_gives_500_but_the_others_still_run()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddHandler<FirstStatusHandler>()
            .AddHandler<FailingStatusHandler>()
            .AddHandler<ThirdStatusHandler>()
            .AddHandler<CatchAllHandler>());

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.StatusUpdate(CallStatus.InProgress));

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        problem.Reason.Should().Be(ProblemReason.HandlerFailed);
        problem.Raw.Should().NotContain("CRM");
        host.Log.Calls.Select(c => c.Handler).Should().Equal("first", "failing", "third", HandlerLog.CatchAll);
    }

    [Fact]
    public async Task A_failing_catch_all_on_a_request_type_does_not_change_the_reply()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<MultiHandler>().AddHandler<FailingCatchAll>());

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        (await response.ReadVapiReplyAsync<global::VapiWebhooks.Responses.AssistantRequestResponse>()).AssistantId.Should().Be("asst-multi");
    }

    [Fact]
    public async Task A_bare_message_without_the_envelope_is_routed_when_the_option_opts_in()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<FirstStatusHandler>(), o => o.AcceptBareMessages = true);
        var envelope = System.Text.Json.JsonElement.Parse(VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(CallStatus.Ended)));
        var bare = System.Text.Encoding.UTF8.GetBytes(envelope.GetProperty("message").GetRawText());

        using var response = await host.Client.PostVapiBodyAsync(bare);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Log.Of("first").Should().ContainSingle().Which.Message.Should().BeOfType<StatusUpdateMessage>()
            .Which.Status.Should().Be(CallStatus.Ended);
    }
}

public sealed class FailingCatchAll : IServerMessageHandler<ServerMessage>
{
    public Task HandleAsync(ServerMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("observer failed");
}
