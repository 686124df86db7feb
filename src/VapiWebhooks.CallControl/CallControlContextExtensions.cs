using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Messages;
using VapiWebhooks.Tools;

namespace VapiWebhooks.CallControl;

/// <summary>Gets a call's control from what a tool or handler already holds.</summary>
public static class CallControlContextExtensions
{
    /// <summary>The control of the call that invoked the tool.</summary>
    /// <param name="context">The tool call's context.</param>
    /// <returns>The control, or null when the call carries no control URL.</returns>
    /// <exception cref="InvalidOperationException"><c>AddVapiCallControl</c> was not called.</exception>
    public static IVapiCallControl? CallControl(this ToolCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetRequiredService<IVapiCallControlFactory>().ForMessage(context.Message);
    }

    /// <summary>The control of the call a message belongs to.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="message">The message.</param>
    /// <returns>The control.</returns>
    /// <exception cref="InvalidOperationException">The message carries no control URL.</exception>
    public static IVapiCallControl RequireForMessage(this IVapiCallControlFactory factory, ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.ForMessage(message)
            ?? throw new InvalidOperationException($"The {message.Type} message of call {message.CallId} carries no call.monitor.controlUrl (the assistant's monitorPlan turns it on).");
    }
}
