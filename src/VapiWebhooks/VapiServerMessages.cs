using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tools;

namespace VapiWebhooks;

/// <summary>
/// Computes an assistant's <c>serverMessages</c> from the handlers and tools registered in DI. An inline
/// (transient) assistant receives only the types its <c>serverMessages</c> lists: leave out
/// <c>end-of-call-report</c> and the report never arrives, with no error anywhere. Build the list from what the
/// host actually handles instead of by hand.
/// </summary>
/// <remarks>
/// <para>Only types Vapi accepts in <c>assistant.serverMessages</c> are returned (<see cref="SubscribableTypes"/>,
/// Vapi's enum). Some request types are not subscribed to but switched on elsewhere in the assistant:
/// <c>voice-request</c> by <c>voice.provider = custom-voice</c> with <c>voice.server</c>,
/// <c>knowledge-base-request</c> by <c>model.knowledgeBase.provider = custom-knowledge-base</c>,
/// <c>call.endpointing.request</c> by <c>startSpeakingPlan.smartEndpointingPlan.provider = custom-endpointing-model</c>,
/// <c>assistant-request</c> by the phone number's server URL, <c>campaign.predial</c> by the campaign.
/// <see cref="HandledTypes"/> lists those too.</para>
/// <para>Rules: <c>tool-calls</c> when a tool (<c>AddTool</c>) or an <see cref="IToolCallsHandler"/> is registered;
/// <c>transfer-destination-request</c> and <c>handoff-destination-request</c> when their handler is registered; each
/// type with an <see cref="IServerMessageHandler{TMessage}"/>; and, for a catch-all
/// <c>IServerMessageHandler&lt;ServerMessage&gt;</c>, <see cref="DefaultNotificationTypes"/>.</para>
/// </remarks>
public static class VapiServerMessages
{
    /// <summary>The values Vapi accepts in <c>assistant.serverMessages</c>, in the order of its enum.</summary>
    public static IReadOnlyList<string> SubscribableTypes { get; } =
        [.. ServerMessageTypeTable.All.Where(e => e.Traits.HasFlag(ServerMessageTraits.Subscribable)).Select(e => e.WireType)];

    /// <summary>
    /// What a catch-all <c>IServerMessageHandler&lt;ServerMessage&gt;</c> subscribes to: Vapi's own default list
    /// without its request types (those are added only when their handler is registered). The chatty
    /// per-utterance types (<c>transcript</c>, <c>model-output</c>, <c>voice-input</c>...) are left out: register a
    /// typed handler to receive them.
    /// </summary>
    public static IReadOnlyList<string> DefaultNotificationTypes { get; } =
        [.. ServerMessageTypeTable.All.Where(e => e.Traits.HasFlag(ServerMessageTraits.CatchAllDefault)).Select(e => e.WireType)];

    private static readonly (Type Service, string WireType)[] RequestHandlers =
    [
        (typeof(IToolCallsHandler), ServerMessageTypes.ToolCalls),
        (typeof(VapiToolRegistration), ServerMessageTypes.ToolCalls),
        (typeof(ITransferDestinationRequestHandler), ServerMessageTypes.TransferDestinationRequest),
        (typeof(IHandoffDestinationRequestHandler), ServerMessageTypes.HandoffDestinationRequest),
        (typeof(IAssistantRequestHandler), ServerMessageTypes.AssistantRequest),
        (typeof(IKnowledgeBaseRequestHandler), ServerMessageTypes.KnowledgeBaseRequest),
        (typeof(ICallEndpointingRequestHandler), ServerMessageTypes.CallEndpointingRequest),
        (typeof(IVoiceRequestHandler), ServerMessageTypes.VoiceRequest),
        (typeof(ICampaignPredialHandler), ServerMessageTypes.CampaignPredial),
    ];

    // The IServerMessageHandler<T> of each message class and the class's canonical wire type, from the table of
    // message types (a closed generic per class: no MakeGenericType, trim- and AOT-safe).
    private static readonly (Type Service, string WireType)[] NotificationHandlers =
        [.. ServerMessageTypeTable.ByMessageType.Values.Select(e => (e.Accept(HandlerServiceOf.Instance), e.WireType))];

    /// <summary>
    /// The <c>serverMessages</c> for an assistant served by this host: every subscribable type it handles, in
    /// the order of <see cref="SubscribableTypes"/>. Nothing is instantiated: only registrations are inspected.
    /// </summary>
    /// <param name="services">The application's (root) service provider.</param>
    /// <returns>The list; empty when nothing subscribable is handled.</returns>
    /// <exception cref="InvalidOperationException">The container cannot say which services are registered (it does not implement <see cref="IServiceProviderIsService"/>).</exception>
    public static IReadOnlyList<string> ForAssistant(IServiceProvider services)
    {
        var handled = Collect(services);
        return [.. SubscribableTypes.Where(handled.Contains)];
    }

    /// <summary>
    /// Every wire type this host answers or observes, including the request types that are switched on outside
    /// <c>serverMessages</c> (<c>voice-request</c>, <c>knowledge-base-request</c>, <c>call.endpointing.request</c>,
    /// <c>assistant-request</c>, <c>campaign.predial</c>). Useful in start-up logs and diagnostics.
    /// </summary>
    /// <param name="services">The application's (root) service provider.</param>
    /// <returns>The types, sorted ordinally.</returns>
    /// <exception cref="InvalidOperationException">The container cannot say which services are registered.</exception>
    public static IReadOnlyList<string> HandledTypes(IServiceProvider services)
        => [.. Collect(services).Order(StringComparer.Ordinal)];

    /// <summary>Sets <see cref="Assistant.ServerMessages"/> to <see cref="ForAssistant"/> and returns the assistant.</summary>
    /// <param name="assistant">The inline assistant.</param>
    /// <param name="services">The application's (root) service provider.</param>
    /// <returns><paramref name="assistant"/>.</returns>
    public static Assistant WithServerMessagesFrom(this Assistant assistant, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        assistant.ServerMessages = [.. ForAssistant(services)];
        return assistant;
    }

    private static HashSet<string> Collect(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var isService = services.GetService<IServiceProviderIsService>()
            ?? throw new InvalidOperationException("The service provider does not implement IServiceProviderIsService, so the registered handlers cannot be listed. Use Microsoft.Extensions.DependencyInjection or list serverMessages by hand.");

        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (service, wireType) in RequestHandlers)
        {
            if (isService.IsService(service))
            {
                handled.Add(wireType);
            }
        }

        foreach (var (service, wireType) in NotificationHandlers)
        {
            if (isService.IsService(service))
            {
                handled.Add(wireType);
            }
        }

        if (isService.IsService(typeof(IServerMessageHandler<ServerMessage>)))
        {
            handled.UnionWith(DefaultNotificationTypes);
        }

        return handled;
    }

    private sealed class HandlerServiceOf : IServerMessageTypeVisitor<Type>
    {
        public static readonly HandlerServiceOf Instance = new();

        public Type Visit<TMessage>()
            where TMessage : ServerMessage
            => typeof(IServerMessageHandler<TMessage>);
    }
}
