using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Messages;

/// <summary>
/// <see cref="ServerMessageTable"/> is the one list of message types: these tests fail when a message class is
/// missing from it or from the JSON context, and prove that what is derived from it (reading, notification routes,
/// <c>serverMessages</c>, test builders) covers every row.
/// </summary>
public class ServerMessageTableTests
{
    private static readonly Type[] MessageClasses =
        [.. typeof(ServerMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ServerMessage)) && !t.IsAbstract)];

    public static TheoryData<string> WireTypes => [.. ServerMessageTable.All.Select(kind => kind.WireType)];

    [Fact]
    public void Every_concrete_message_class_has_a_row_except_the_unknown_one()
    {
        MessageClasses.Should().Contain(typeof(HangMessage), "the reflection finds the message classes");
        var missing = MessageClasses.Where(t => t != typeof(UnknownServerMessage) && !ServerMessageTable.TryGet(t, out _));

        missing.Should().BeEmpty("a message class without a row in ServerMessageTable is never read, routed or subscribed to");
    }

    [Fact]
    public void Every_concrete_message_class_has_source_generated_json_metadata()
    {
        var missing = MessageClasses.Where(t => VapiJsonContext.Default.GetTypeInfo(t) is null);

        missing.Should().BeEmpty("add [JsonSerializable(typeof(...))] to VapiJsonContext for every message class");
    }

    [Fact]
    public void Every_constant_of_ServerMessageTypes_has_a_row_and_every_row_a_constant()
    {
        var constants = typeof(ServerMessageTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        ServerMessageTable.All.Select(kind => kind.WireType).Should().BeEquivalentTo(constants);
        ServerMessageTable.All.Select(kind => kind.WireType).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void An_alias_reads_into_a_class_that_has_a_canonical_row_before_it()
    {
        var aliases = ServerMessageTable.All.Where(kind => kind.IsAlias).ToList();
        aliases.Should().ContainSingle(kind => kind.WireType == ServerMessageTypes.TranscriptFinal);

        foreach (var alias in aliases)
        {
            ServerMessageTable.TryGet(alias.MessageType, out var canonical).Should().BeTrue();
            canonical!.IsAlias.Should().BeFalse();
            ServerMessageTable.All.ToList().IndexOf(canonical).Should().BeLessThan(ServerMessageTable.All.ToList().IndexOf(alias));
        }
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_new_message_of_each_row_reads_back_as_its_class(string wireType)
    {
        ServerMessageTable.TryGet(wireType, out var kind).Should().BeTrue();
        var message = kind!.CreateMessage();
        message.Should().BeOfType(kind.MessageType);
        message.Type.Should().Be(wireType);

        var read = VapiJson.DeserializeMessage(VapiJson.SerializeEnvelope(message));

        read.Should().BeOfType(kind.MessageType);
        read.Type.Should().Be(wireType);
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void The_testing_builder_of_each_row_makes_its_class(string wireType)
    {
        ServerMessageTable.TryGet(wireType, out var kind).Should().BeTrue();

        VapiTestMessages.ForType(wireType).Should().BeOfType(kind!.MessageType);
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public async Task A_typed_handler_of_each_row_runs_and_so_does_the_catch_all(string wireType)
    {
        var seen = new ConcurrentQueue<Type>();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(seen);
        services.AddVapiWebhooksCore();
        services.AddScoped(typeof(IServerMessageHandler<>), typeof(Recorder<>));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<VapiMessageDispatcher>();
        ServerMessageTable.TryGet(wireType, out var kind).Should().BeTrue();

        await dispatcher.DispatchAsync(VapiTestMessages.ForType(wireType), scope.ServiceProvider);

        seen.Should().Contain(kind!.MessageType, "IServerMessageHandler<{0}> is registered", kind.MessageType.Name);
        seen.Should().Contain(typeof(ServerMessage), "the catch-all runs for every message");
    }

    [Fact]
    public void The_request_types_are_those_Vapi_waits_a_reply_for()
    {
        ServerMessageTable.All.Where(kind => kind.IsRequest).Select(kind => kind.WireType).Should().BeEquivalentTo(
            ServerMessageTypes.AssistantRequest, ServerMessageTypes.ToolCalls, ServerMessageTypes.FunctionCall,
            ServerMessageTypes.TransferDestinationRequest, ServerMessageTypes.HandoffDestinationRequest,
            ServerMessageTypes.KnowledgeBaseRequest, ServerMessageTypes.CallEndpointingRequest,
            ServerMessageTypes.CampaignPredial, ServerMessageTypes.VoiceRequest);
    }

    [Fact]
    public void Subscribable_types_keep_the_order_of_Vapis_enum_and_request_only_types_are_left_out()
    {
        VapiServerMessages.SubscribableTypes.Should().StartWith([ServerMessageTypes.AssistantStarted, ServerMessageTypes.AssistantSpeechStarted, ServerMessageTypes.ConversationUpdate]);
        VapiServerMessages.SubscribableTypes.Should().EndWith(ServerMessageTypes.CallArtifactUpload);
        VapiServerMessages.SubscribableTypes.Should().NotContain([ServerMessageTypes.AssistantRequest, ServerMessageTypes.VoiceRequest, ServerMessageTypes.KnowledgeBaseRequest, ServerMessageTypes.CallEndpointingRequest, ServerMessageTypes.CampaignPredial]);
        VapiServerMessages.DefaultNotificationTypes.Should().BeSubsetOf(VapiServerMessages.SubscribableTypes);
    }

    [Fact]
    public void A_typed_handler_of_every_class_subscribes_the_assistant_to_every_canonical_subscribable_type()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(new ConcurrentQueue<Type>());
        services.AddVapiWebhooksCore();
        services.AddScoped(typeof(IServerMessageHandler<>), typeof(Recorder<>));
        using var provider = services.BuildServiceProvider();

        var expected = ServerMessageTable.All.Where(k => k.IsSubscribable && !k.IsAlias).Select(k => k.WireType);
        VapiServerMessages.ForAssistant(provider).Should().Equal(expected);
    }

    private sealed class Recorder<TMessage>(ConcurrentQueue<Type> seen) : IServerMessageHandler<TMessage>
        where TMessage : ServerMessage
    {
        public Task HandleAsync(TMessage message, CancellationToken cancellationToken)
        {
            seen.Enqueue(typeof(TMessage));
            return Task.CompletedTask;
        }
    }
}
