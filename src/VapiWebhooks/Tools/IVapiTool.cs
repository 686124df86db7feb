namespace VapiWebhooks.Tools;

/// <summary>
/// A tool the assistant can call, as a class resolved from DI. Register it with
/// <c>AddTool&lt;TTool, TArgs&gt;("function_name")</c>.
/// </summary>
/// <typeparam name="TArgs">The arguments, bound from the call's JSON whether Vapi sent an object or a string.</typeparam>
public interface IVapiTool<in TArgs>
{
    /// <summary>Runs the tool.</summary>
    /// <param name="arguments">The bound arguments.</param>
    /// <param name="context">The tool call, its call and customer, and the message.</param>
    /// <param name="cancellationToken">Fires when the tool's deadline budget runs out.</param>
    /// <returns>
    /// A <see cref="string"/> (the result as is), a <see cref="Responses.ToolCallResult"/> (with a message,
    /// metadata or error), or any other object (serialised to a JSON string).
    /// </returns>
    Task<object?> InvokeAsync(TArgs arguments, ToolCallContext context, CancellationToken cancellationToken);
}
