using VapiWebhooks.Messages;
using VapiWebhooks.Models;

namespace VapiWebhooks.Tools;

/// <summary>What a tool knows about the call that invoked it.</summary>
public sealed class ToolCallContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="toolCallId">The tool call id.</param>
    /// <param name="functionName">The function name.</param>
    /// <param name="message">The message that carried the call.</param>
    /// <param name="services">The DI scope the tool runs in.</param>
    /// <param name="toolCall">The call as sent, when it came in a <c>tool-calls</c> message.</param>
    /// <param name="tool">The tool's configuration, when Vapi sent it.</param>
    public ToolCallContext(string toolCallId, string functionName, ServerMessage message, IServiceProvider services, ToolCall? toolCall = null, ToolWithToolCall? tool = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(services);
        ToolCallId = toolCallId ?? string.Empty;
        FunctionName = functionName ?? string.Empty;
        Message = message;
        Services = services;
        ToolCall = toolCall;
        Tool = tool;
    }

    /// <summary>The tool call id (empty for the legacy <c>function-call</c> message).</summary>
    public string ToolCallId { get; }

    /// <summary>The function name the model called.</summary>
    public string FunctionName { get; }

    /// <summary>The message that carried the call: a <see cref="ToolCallsMessage"/> or a <see cref="FunctionCallMessage"/>.</summary>
    public ServerMessage Message { get; }

    /// <summary>The call, with its id and <c>monitor.controlUrl</c> for async results.</summary>
    public Call? Call => Message.Call;

    /// <summary>The customer (the message's, or else the call's).</summary>
    public Customer? Customer => Message.Customer ?? Message.Call?.Customer;

    /// <summary>The call as sent, when it came in a <c>tool-calls</c> message.</summary>
    public ToolCall? ToolCall { get; }

    /// <summary>The tool's configuration (server, timeout, async), when Vapi sent it.</summary>
    public ToolWithToolCall? Tool { get; }

    /// <summary>The DI scope the tool runs in (one per tool call, so concurrent tools never share scoped services).</summary>
    public IServiceProvider Services { get; }
}
