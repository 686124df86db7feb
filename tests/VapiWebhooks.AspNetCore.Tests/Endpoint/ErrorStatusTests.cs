using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>Every refusal and every fallback the endpoint answers with.</summary>
public class ErrorStatusTests
{
    private const string Path = "/vapi/webhook";

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_gets_415(string contentType)
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        using var content = new ByteArrayContent(VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await host.Client.PostAsync(Path, content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.Reason.Should().Be(ProblemReason.UnsupportedMediaType);
        problem.Status.Should().Be(415);
        host.Log.IsEmpty.Should().BeTrue("no handler runs for a refused body");
    }

    [Fact]
    public async Task A_string_longer_than_the_configured_limit_gets_400_and_one_at_the_limit_is_accepted()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => FixtureEndToEndTests.AddRecording(vapi), options: o => o.MaxJsonStringLength = 1000);

        var atLimit = VapiTestMessages.Transcript(new string('a', 1000));
        using (var accepted = await host.Client.PostVapiMessageAsync(atLimit))
        {
            accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        host.Log.IsEmpty.Should().BeFalse("a string at the limit reaches its handlers");
        var handled = host.Log.Of(HandlerLog.CatchAll).Count;
        using var refused = await host.Client.PostVapiMessageAsync(VapiTestMessages.Transcript(new string('a', 1001)));

        var problem = await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Reason.Should().Be(ProblemReason.InvalidBody);
        problem.Detail.Should().Contain("1000-byte limit");
        host.Log.Of(HandlerLog.CatchAll).Count.Should().Be(handled, "no handler runs for a refused body");
    }

    [Fact]
    public async Task A_body_without_a_content_type_gets_415()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        using var content = new ByteArrayContent(VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)));
        content.Headers.ContentType = null;

        using var response = await host.Client.PostAsync(Path, content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.Reason.Should().Be(ProblemReason.UnsupportedMediaType);
        host.Log.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/vnd.vapi+json")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        using var content = new ByteArrayContent(VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await host.Client.PostAsync(Path, content);

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
    }

    [Fact]
    public async Task A_body_over_the_limit_with_a_content_length_gets_413_and_no_handler_runs()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync(maxBodySize: 2048);
        var body = OversizedBody(4096);

        using var response = await host.Client.PostVapiBodyAsync(body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Reason.Should().Be(ProblemReason.BodyTooLarge);
        problem.Detail.Should().Contain("2048");
        host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_without_a_content_length_gets_413_and_no_handler_runs()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync(maxBodySize: 2048);
        using var request = ChunkedPost(Path, OversizedBody(4096));
        request.Content!.Headers.ContentLength.Should().BeNull("the body must go without a Content-Length");

        using var response = await host.Client.SendAsync(request);

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Reason.Should().Be(ProblemReason.BodyTooLarge);
        host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_chunked_body_within_the_limit_is_handled()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync(maxBodySize: 64 * 1024);
        using var request = ChunkedPost(Path, VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)));

        using var response = await host.Client.SendAsync(request);

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
        host.Log.Of(HandlerLog.Notification<StatusUpdateMessage>()).Should().ContainSingle();
    }

    /// <summary>Body, what the detail must name, and the path it must point at.</summary>
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"message": {"type": "status-update", "status": "in-progress",""", "end of data", "$ | LineNumber: 0 | BytePositionInLine: 61" },
        { """{"message": {"type": "status-update"}} trailing""", "after", "$" },
        { """{"msg": {"type": "status-update"}}""", "'message'", "$" },
        { """{"message": {"call": {"id": "c1"}, "status": "ended"}}""", "type", "$.message" },
        { """{"message": {"type": 42, "status": "ended"}}""", "type", "$.message" },
        { """{"message": {"type": null}}""", "type", "$.message" },
        { """{"message": "status-update"}""", "message", "$.message" },
        { "[]", "JSON object", "$" },
        { "null", "null", "$" },
        { "", "does not contain any JSON tokens", "$ | LineNumber: 0 | BytePositionInLine: 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_body_gets_400_problem_saying_what_and_where(string body, string what, string where)
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();

        using var response = await host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes(body));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Reason.Should().Be(ProblemReason.InvalidBody);
        problem.Detail.Should().NotBeNullOrWhiteSpace();
        problem.Detail.Should().ContainEquivalentOf(what, "the detail says what is wrong: {0}", problem.Detail);
        problem.Detail.Should().Contain("Path: " + where, "the detail says where: {0}", problem.Detail);
        host.Log.IsEmpty.Should().BeTrue("no handler runs for an invalid body");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_refused(bool chunked)
    {
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.Ended));
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync(maxBodySize: body.Length);
        var padded = new byte[body.Length + 1];
        body.CopyTo(padded, 0);
        padded[^1] = (byte)' ';

        using var exact = chunked ? await host.Client.SendAsync(ChunkedPost(Path, body)) : await host.Client.PostVapiBodyAsync(body);
        using var over = chunked ? await host.Client.SendAsync(ChunkedPost(Path, padded)) : await host.Client.PostVapiBodyAsync(padded);

        exact.StatusCode.Should().Be(HttpStatusCode.OK);
        (await over.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Reason.Should().Be(ProblemReason.BodyTooLarge);
        host.Log.Of(HandlerLog.Notification<StatusUpdateMessage>()).Should().ContainSingle();
    }

    [Fact]
    public async Task The_type_may_come_last_after_a_large_payload()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        var transcript = new string('w', 100_000);
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"call\":{\"id\":\"c-last\"},\"role\":\"user\",\"transcriptType\":\"final\",\"transcript\":\"" + transcript + "\",\"type\":\"transcript\"}}");

        using var response = await host.Client.PostVapiBodyAsync(body);

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
        host.Log.Of(HandlerLog.Notification<TranscriptMessage>()).Should().ContainSingle()
            .Which.Message.Should().BeOfType<TranscriptMessage>().Which.Transcript.Should().HaveLength(100_000);
    }

    [Fact]
    public async Task A_handler_that_returns_null_gets_the_safe_reply()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<NullHandler>(), o => o.FallbackAssistantId = "asst-fallback");

        using var assistant = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());
        using var predial = await host.Client.PostVapiMessageAsync(VapiTestMessages.CampaignPredial());

        (await assistant.ReadVapiReplyAsync<AssistantRequestResponse>()).AssistantId.Should().Be("asst-fallback");
        (await predial.ReadVapiReplyAsync<CampaignPredialResponse>()).Eligible.Should().BeFalse();
    }

    [Fact]
    public async Task When_Vapi_goes_away_the_handler_token_fires()
    {
        // Over a real socket: Vapi giving up closes the connection.
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<HangingHandler>(), host: b => b.Services.AddSingleton<Hang>(), kestrel: true);
        var hang = host.Services.GetRequiredService<Hang>();
        using var gone = new CancellationTokenSource();
        try
        {
            var pending = host.Client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest(), cancellationToken: gone.Token);
            await hang.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await gone.CancelAsync();

            var wait = async () => await pending;
            await wait.Should().ThrowAsync<OperationCanceledException>();
            var cancelled = await Task.WhenAny(hang.Cancelled.Task, Task.Delay(TimeSpan.FromSeconds(15))) == hang.Cancelled.Task;
            cancelled.Should().BeTrue("the handler's token fires when Vapi goes away, so it stops instead of running on a disposed scope");
        }
        finally
        {
            hang.Release.TrySetResult();
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_get_405(string method)
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), Path);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(Models.CallStatus.InProgress)));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Contain("POST");
        host.Log.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_type_gets_200_empty_object_and_reaches_the_catch_all_with_its_raw_json()
    {
        await using var host = await FixtureEndToEndTests.StartRecordingAppAsync();
        var body = """{"message":{"timestamp":1772463845123,"type":"brand-new.event","call":{"id":"call-unknown-1"},"novel":{"nested":[1,2,3]}}}"""u8.ToArray();

        using var response = await host.Client.PostVapiBodyAsync(body);

        (await response.ReadJsonAsync()).GetRawText().Should().Be("{}");
        var seen = host.Log.Of(HandlerLog.CatchAll).Should().ContainSingle().Subject.Message.Should().BeOfType<UnknownServerMessage>().Subject;
        seen.Type.Should().Be("brand-new.event");
        seen.CallId.Should().Be("call-unknown-1");
        seen.RawJson.GetProperty("novel").GetProperty("nested").GetArrayLength().Should().Be(3);
        host.Log.Of(HandlerLog.Notification<UnknownServerMessage>()).Should().ContainSingle();
    }

    [Fact]
    public async Task A_transfer_reply_with_a_spoken_message_validates_against_the_spec()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<SpeakingTransferHandler>());

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest());

        var reply = await response.ReadJsonAsync();
        reply.GetProperty("destination").GetProperty("number").GetString().Should().Be(RecordingHandler.TransferNumber);
        AssertValidReply(ServerMessageTypes.TransferDestinationRequest, reply);
    }

    // ---- request types with no handler: the documented safe reply ----

    [Fact]
    public async Task Transfer_destination_request_without_handler_is_refused_with_an_error()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest());

        var reply = await response.ReadJsonAsync();
        AssertValidReply(ServerMessageTypes.TransferDestinationRequest, reply);
        reply.GetProperty("error").GetString().Should().NotBeNullOrWhiteSpace();
        reply.TryGetProperty("destination", out _).Should().BeFalse("no destination means no transfer");
    }

    [Fact]
    public async Task Handoff_destination_request_without_handler_leaves_the_choice_to_Vapi()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.HandoffDestinationRequest());

        // Vapi's schema requires destination; an error would be added to the conversation: an empty destination alone.
        var reply = await response.ReadJsonAsync();
        reply.GetRawText().Should().Be("""{"destination":{}}""");
    }

    [Fact]
    public async Task Knowledge_base_request_without_handler_gets_no_documents()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest());

        var reply = await response.ReadJsonAsync();
        AssertValidReply(ServerMessageTypes.KnowledgeBaseRequest, reply);
        reply.GetProperty("documents").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Endpointing_request_without_handler_gets_the_configured_fallback_timeout()
    {
        await using var host = await VapiTestHost.StartAsync(options: o => o.FallbackEndpointingTimeoutSeconds = 2.5);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.CallEndpointingRequest());

        var reply = await response.ReadJsonAsync();
        AssertValidReply(ServerMessageTypes.CallEndpointingRequest, reply);
        reply.GetProperty("timeoutSeconds").GetDouble().Should().Be(2.5);
    }

    [Fact]
    public async Task Campaign_predial_without_handler_is_not_eligible()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.CampaignPredial());

        var reply = await response.ReadJsonAsync();
        AssertValidReply(ServerMessageTypes.CampaignPredial, reply);
        reply.GetProperty("eligible").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Tool_calls_without_tools_or_handler_get_an_error_result_per_call()
    {
        await using var host = await VapiTestHost.StartAsync();
        var message = VapiTestMessages.ToolCalls(new TestToolCall("check_availability", Id: "call_a"), new TestToolCall("send_sms", Id: "call_b"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results.Select(r => (r.ToolCallId, r.Name)).Should().Equal(("call_a", "check_availability"), ("call_b", "send_sms"));
        results.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Error) && r.Result == null);
    }

    [Fact]
    public async Task Assistant_request_without_handler_or_fallback_gets_501_problem()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotImplemented);
        problem.Reason.Should().Be(ProblemReason.NoHandler);
    }

    [Fact]
    public async Task Assistant_request_without_handler_gets_the_fallback_assistant_when_configured()
    {
        await using var host = await VapiTestHost.StartAsync(options: o => o.FallbackAssistantId = "asst-fallback");

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        var reply = await response.ReadVapiReplyAsync<AssistantRequestResponse>();
        reply.AssistantId.Should().Be("asst-fallback");
    }

    [Fact]
    public async Task Voice_request_without_handler_gets_501_problem()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotImplemented);
        problem.Reason.Should().Be(ProblemReason.NoHandler);
    }

    // ---- handler exceptions ----

    [Fact]
    public async Task A_throwing_assistant_request_handler_gets_the_fallback_assistant_id()
    {
        await using var host = await ThrowingAppAsync(o =>
        {
            o.FallbackAssistantId = "asst-fallback";
            o.FallbackAssistantErrorMessage = "Sorry, we cannot take your call right now.";
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        var reply = await response.ReadJsonAsync();
        reply.GetRawText().Should().Be("""{"assistantId":"asst-fallback"}""", "the id takes precedence over the error message");
    }

    [Fact]
    public async Task A_throwing_assistant_request_handler_gets_the_fallback_error_message_when_no_id_is_set()
    {
        await using var host = await ThrowingAppAsync(o => o.FallbackAssistantErrorMessage = "Sorry, we cannot take your call right now.");

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        var reply = await response.ReadVapiReplyAsync<AssistantRequestResponse>();
        reply.Error.Should().Be("Sorry, we cannot take your call right now.");
        reply.AssistantId.Should().BeNull();
    }

    [Fact]
    public async Task A_throwing_assistant_request_handler_without_fallback_gets_500_problem_without_the_exception_text()
    {
        await using var host = await ThrowingAppAsync(null);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest());

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        problem.Reason.Should().Be(ProblemReason.HandlerFailed);
        problem.Raw.Should().NotContain(ThrowingHandler.Secret);
    }

    [Fact]
    public async Task A_throwing_notification_handler_gets_500_problem_without_the_exception_text()
    {
        await using var host = await ThrowingAppAsync(null);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.EndOfCallReport());

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        problem.Reason.Should().Be(ProblemReason.HandlerFailed);
        problem.Raw.Should().NotContain(ThrowingHandler.Secret);
    }

    [Fact]
    public async Task A_throwing_transfer_handler_gets_the_safe_refusal()
    {
        await using var host = await ThrowingAppAsync(null);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.TransferDestinationRequest());

        var reply = await response.ReadVapiReplyAsync<TransferDestinationResponse>();
        reply.Error.Should().NotBeNullOrWhiteSpace().And.NotContain(ThrowingHandler.Secret);
        reply.Destination.Should().BeNull();
    }

    public static byte[] OversizedBody(int atLeast)
    {
        var message = VapiTestMessages.Transcript(new string('a', atLeast));
        return VapiJson.SerializeEnvelope(message);
    }

    /// <summary>A POST whose body goes chunked, without a Content-Length.</summary>
    public static HttpRequestMessage ChunkedPost(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnknownLengthContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    private static void AssertValidReply(string wireType, JsonElement reply)
        => VapiSchemas.AssertValid(VapiSchemas.ResponseDefinitionFor(wireType)!, reply.GetRawText());

    private static Task<VapiTestHost> ThrowingAppAsync(Action<VapiWebhookOptions>? options)
        => VapiTestHost.StartAsync(vapi => vapi.AddHandler<ThrowingHandler>(), options);

    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Several writes, so the body really arrives in pieces.
            for (var offset = 0; offset < body.Length; offset += 1000)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(1000, body.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>Returns null where a reply is due.</summary>
public sealed class NullHandler : IAssistantRequestHandler, ICampaignPredialHandler
{
    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        => Task.FromResult<AssistantRequestResponse>(null!);

    public Task<CampaignPredialResponse> HandleAsync(CampaignPredialMessage message, CancellationToken cancellationToken)
        => Task.FromResult<CampaignPredialResponse>(null!);
}

/// <summary>Throws from every handler with a message that must never reach Vapi.</summary>
public sealed class ThrowingHandler :
    IAssistantRequestHandler,
    ITransferDestinationRequestHandler,
    IServerMessageHandler<EndOfCallReportMessage>
{
    public const string Secret = "Server=db.internal;Password=hunter2";

    public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        => throw new InvalidOperationException(Secret);

    public Task<TransferDestinationResponse> HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken)
        => Task.FromException<TransferDestinationResponse>(new InvalidOperationException(Secret));

    public Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken)
        => Task.FromException(new InvalidOperationException(Secret));
}

/// <summary>Transfers with a message spoken to the caller, through the library's own factory.</summary>
public sealed class SpeakingTransferHandler : ITransferDestinationRequestHandler
{
    public Task<TransferDestinationResponse> HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken)
        => Task.FromResult(TransferDestinationResponse.ToNumber(RecordingHandler.TransferNumber, "Transferring you to billing now."));
}
