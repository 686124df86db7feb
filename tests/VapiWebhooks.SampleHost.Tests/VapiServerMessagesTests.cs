using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>The library's serverMessages helper, on service collections built for each case.</summary>
public sealed class VapiServerMessagesTests
{
    [Fact]
    public void Nothing_registered_means_no_server_messages()
        => VapiServerMessages.ForAssistant(Build(_ => { })).Should().BeEmpty();

    [Fact]
    public void A_tool_subscribes_to_tool_calls()
        => VapiServerMessages.ForAssistant(Build(b => b.AddTool<Args>("t", System.Text.Json.JsonSerializerOptions.Web, (_, _, _) => Task.FromResult<object?>("ok"))))
            .Should().Equal(ServerMessageTypes.ToolCalls);

    [Fact]
    public void A_notification_handler_subscribes_to_its_type_and_request_handlers_to_theirs()
    {
        var services = Build(b => b.AddHandler<ReportHandler>().AddHandler<TransferHandler>());
        VapiServerMessages.ForAssistant(services).Should().Equal(ServerMessageTypes.EndOfCallReport, ServerMessageTypes.TransferDestinationRequest);
    }

    [Fact]
    public void A_catch_all_handler_subscribes_to_the_default_notifications()
    {
        var list = VapiServerMessages.ForAssistant(Build(b => b.AddHandler<CatchAll>()));
        list.Should().BeEquivalentTo(VapiServerMessages.DefaultNotificationTypes);
        list.Should().Contain(ServerMessageTypes.EndOfCallReport).And.NotContain(ServerMessageTypes.Transcript);
    }

    [Fact]
    public void Request_types_switched_on_elsewhere_are_handled_but_never_listed_in_server_messages()
    {
        var services = Build(b => b.AddHandler<Voice>().AddHandler<Knowledge>());
        VapiServerMessages.ForAssistant(services).Should().BeEmpty();
        VapiServerMessages.HandledTypes(services).Should().Equal(ServerMessageTypes.KnowledgeBaseRequest, ServerMessageTypes.VoiceRequest);
    }

    [Fact]
    public void With_server_messages_from_sets_the_assistant_list()
    {
        var assistant = new Assistant().WithServerMessagesFrom(Build(b => b.AddHandler<ReportHandler>()));
        assistant.ServerMessages.Should().Equal(ServerMessageTypes.EndOfCallReport);
    }

    private static ServiceProvider Build(Action<VapiWebhooksBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services.AddVapiWebhooksCore());
        return services.BuildServiceProvider();
    }

    private sealed record Args(string? Value);

    private sealed class ReportHandler : IServerMessageHandler<EndOfCallReportMessage>
    {
        public Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CatchAll : IServerMessageHandler<ServerMessage>
    {
        public Task HandleAsync(ServerMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class TransferHandler : ITransferDestinationRequestHandler
    {
        public Task<TransferDestinationResponse> HandleAsync(TransferDestinationRequestMessage message, CancellationToken cancellationToken)
            => Task.FromResult(TransferDestinationResponse.Refuse("no"));
    }

    private sealed class Voice : IVoiceRequestHandler
    {
        public Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Knowledge : IKnowledgeBaseRequestHandler
    {
        public Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken)
            => Task.FromResult(KnowledgeBaseResponse.Empty());
    }
}
