using System.Text.Json;

namespace VapiWebhooks.Testing;

/// <summary>One tool call for <see cref="VapiTestMessages.ToolCalls"/>.</summary>
/// <param name="Name">The function name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
/// <param name="ArgumentsAsString">Send the arguments as a JSON-encoded string, as Vapi's spec and some traffic do.</param>
/// <param name="TimeoutSeconds">The tool's <c>server.timeoutSeconds</c> (Vapi's default 20 when null).</param>
/// <param name="Id">The tool call id; generated when null.</param>
/// <param name="ServerUrl">The tool's server URL.</param>
/// <param name="Async">The tool's <c>async</c> flag: Vapi does not wait for the reply, the result goes to the call's control URL.</param>
public sealed record TestToolCall(string Name, string ArgumentsJson = "{}", bool ArgumentsAsString = false, double? TimeoutSeconds = null, string? Id = null, string? ServerUrl = null, bool Async = false)
{
    internal JsonElement ArgumentsElement()
    {
        var parsed = JsonElement.Parse(ArgumentsJson);
        return ArgumentsAsString
            ? JsonElement.Parse(JsonSerializer.Serialize(parsed.GetRawText(), Serialization.VapiJsonContext.Default.String))
            : parsed;
    }
}
