using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Fixtures;
using VapiWebhooks.Tests.Schemas;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>Every stored request body, posted over HTTP to an app that has a recording handler for everything.</summary>
public class FixtureEndToEndTests
{
    /// <summary>The function the legacy <c>function-call</c> fixture calls.</summary>
    public const string FunctionCallFixtureTool = "book_appointment";

    /// <summary>Wire type → the request handler that must answer it (everything else goes to <c>IServerMessageHandler&lt;T&gt;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> RequestHandlers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ServerMessageTypes.AssistantRequest] = "IAssistantRequestHandler",
        [ServerMessageTypes.ToolCalls] = "IToolCallsHandler",
        [ServerMessageTypes.TransferDestinationRequest] = "ITransferDestinationRequestHandler",
        [ServerMessageTypes.HandoffDestinationRequest] = "IHandoffDestinationRequestHandler",
        [ServerMessageTypes.KnowledgeBaseRequest] = "IKnowledgeBaseRequestHandler",
        [ServerMessageTypes.CallEndpointingRequest] = "ICallEndpointingRequestHandler",
        [ServerMessageTypes.CampaignPredial] = "ICampaignPredialHandler",
        [ServerMessageTypes.VoiceRequest] = "IVoiceRequestHandler",
        [ServerMessageTypes.FunctionCall] = HandlerLog.Tool(FunctionCallFixtureTool),
    };

    /// <summary>An app with <see cref="RecordingHandler"/> for every request, <see cref="RecordingNotificationHandler{TMessage}"/> for every class and a tool for the function-call fixture.</summary>
    public static Task<VapiTestHost> StartRecordingAppAsync(long? maxBodySize = null)
        => VapiTestHost.StartAsync(vapi => AddRecording(vapi), maxBodySize is { } limit ? o => o.MaxRequestBodySize = limit : null);

    public static VapiWebhooksBuilder AddRecording(VapiWebhooksBuilder vapi)
    {
        ArgumentNullException.ThrowIfNull(vapi);
        vapi.Services.AddScoped(typeof(IServerMessageHandler<>), typeof(RecordingNotificationHandler<>));
        return vapi.AddHandler<RecordingHandler>()
            .AddTool<JsonElement>(FunctionCallFixtureTool, (args, context, ct) =>
            {
                context.Services.GetRequiredService<HandlerLog>().Add(HandlerLog.Tool(FunctionCallFixtureTool), context.Message);
                return Task.FromResult<object?>($"Booked {args.GetProperty("service").GetString()} on {args.GetProperty("date").GetString()} at {args.GetProperty("time").GetString()}.");
            });
    }

    [Theory]
    [MemberData(nameof(FixtureFiles.All), MemberType = typeof(FixtureFiles))]
    public async Task Every_fixture_reaches_its_handler_as_its_typed_message_and_is_answered_200(string relativePath, string wireType)
    {
        await using var host = await StartRecordingAppAsync();

        using var response = await host.Client.PostVapiBodyAsync(FixtureFiles.ReadBytes(relativePath));

        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the body was {0}", System.Text.Encoding.UTF8.GetString(body));
        ServerMessageTable.TryGet(wireType, out var kind).Should().BeTrue($"{wireType} is a type the library knows");
        var messageClass = kind!.MessageType;
        var handler = RequestHandlers.TryGetValue(wireType, out var requestHandler) ? requestHandler : HandlerLog.Notification(messageClass);
        var call = host.Log.Of(handler).Should().ContainSingle($"'{wireType}' goes to {handler} exactly once").Subject;
        call.Message.Should().BeOfType(messageClass);
        call.Message.Type.Should().Be(wireType);
        var sent = JsonElement.Parse(FixtureFiles.Read(relativePath)).GetProperty("message");
        var fixtureCallId = sent.TryGetProperty("call", out var sentCall) && sentCall.TryGetProperty("id", out var id) ? id.GetString() : null;
        call.Message.CallId.Should().Be(fixtureCallId);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles.All), MemberType = typeof(FixtureFiles))]
    public async Task Every_fixture_gets_the_reply_its_type_calls_for(string relativePath, string wireType)
    {
        await using var host = await StartRecordingAppAsync();

        using var response = await host.Client.PostVapiBodyAsync(FixtureFiles.ReadBytes(relativePath));

        switch (wireType)
        {
            case ServerMessageTypes.VoiceRequest:
                {
                    var sampleRate = JsonElement.Parse(FixtureFiles.Read(relativePath)).GetProperty("message").GetProperty("sampleRate").GetInt32();
                    var pcm = await response.ReadPcmAsync();
                    pcm.Should().Equal(RecordingHandler.Pcm(sampleRate));
                    break;
                }

            case ServerMessageTypes.FunctionCall:
                {
                    var reply = await response.ReadJsonAsync();
                    reply.EnumerateObject().Select(p => p.Name).Should().Equal("result");
                    reply.GetProperty("result").GetString().Should().Be("Booked cleaning on 2025-06-17 at 16:00.");
                    break;
                }

            default:
                {
                    var reply = await response.ReadJsonAsync();
                    var definition = VapiSchemas.ResponseDefinitionFor(wireType);
                    if (RequestHandlers.ContainsKey(wireType))
                    {
                        definition.Should().NotBeNull($"{wireType} expects an answer described by the spec");
                        VapiSchemas.AssertValid(definition!, reply.GetRawText());
                        reply.EnumerateObject().Should().NotBeEmpty("a request type gets a real answer, not an acknowledgement");
                    }
                    else
                    {
                        reply.ValueKind.Should().Be(JsonValueKind.Object);
                        reply.EnumerateObject().Should().BeEmpty($"'{wireType}' is informational and acknowledged with {{}}");
                    }

                    break;
                }
        }
    }

    [Fact]
    public void Every_request_type_of_the_spec_has_a_handler_in_this_test()
    {
        var requestTypes = VapiSchemas.RequestDefinitions.Keys.Where(t => VapiSchemas.ResponseDefinitionFor(t) is not null);

        RequestHandlers.Keys.Should().Contain(requestTypes);
    }
}
