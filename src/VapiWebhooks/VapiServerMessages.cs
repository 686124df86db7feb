using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;

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
        [.. ServerMessageTable.All.Where(kind => kind.IsSubscribable).Select(kind => kind.WireType)];

    /// <summary>
    /// What a catch-all <c>IServerMessageHandler&lt;ServerMessage&gt;</c> subscribes to: Vapi's own default list
    /// without its request types (those are added only when their handler is registered). The chatty
    /// per-utterance types (<c>transcript</c>, <c>model-output</c>, <c>voice-input</c>...) are left out: register a
    /// typed handler to receive them.
    /// </summary>
    public static IReadOnlyList<string> DefaultNotificationTypes { get; } =
        [.. ServerMessageTable.All.Where(kind => kind.IsDefaultNotification).Select(kind => kind.WireType)];

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
        foreach (var kind in ServerMessageTable.All)
        {
            // An alias is subscribed to by name only; a handler of its class subscribes to the canonical type.
            if (!kind.IsAlias && (isService.IsService(kind.NotificationHandler) || kind.RequestHandlers.Any(isService.IsService)))
            {
                handled.Add(kind.WireType);
            }
        }

        if (isService.IsService(typeof(IServerMessageHandler<ServerMessage>)))
        {
            handled.UnionWith(DefaultNotificationTypes);
        }

        return handled;
    }
}
