using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>One call of a tool by the model (<c>toolCallList[i]</c>).</summary>
public sealed class ToolCall : VapiObject
{
    /// <summary>The tool call id; the reply's <c>toolCallId</c> must repeat it exactly.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The kind of tool, <c>function</c> for function tools.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The function called and its arguments.</summary>
    [JsonPropertyName("function")]
    public ToolCallFunction? Function { get; set; }

    /// <summary>
    /// The function name: <c>function.name</c>, or the top-level <c>name</c> of the older
    /// <c>{"id", "name", "parameters"}</c> form that some of Vapi's documentation still shows.
    /// </summary>
    [JsonIgnore]
    public string? FunctionName => Function?.Name
        ?? (TryGetExtension("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null);

    /// <summary>
    /// The arguments as a JSON object: <c>function.arguments</c> (object or JSON string), or the top-level
    /// <c>parameters</c> of the older form; <see cref="JsonValueKind.Undefined"/> when there are none.
    /// </summary>
    [JsonIgnore]
    public JsonElement FunctionArguments
    {
        get
        {
            if (Function is { } function)
            {
                return function.Arguments;
            }

            return TryGetExtension("parameters", out var parameters) ? new ToolCallFunction { Arguments = parameters }.Arguments : default;
        }
    }
}
