using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>tool-calls</c>: one result per tool call id.</summary>
public sealed class ToolCallsResponse
{
    /// <summary>The results, one per tool call.</summary>
    [JsonPropertyName("results")]
    public IList<ToolCallResult> Results { get; set; } = [];

    /// <summary>An error for the message as a whole (rarely needed: prefer per-result errors).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>A reply with the given results.</summary>
    /// <param name="results">The results, in the order of the tool calls.</param>
    /// <returns>The reply.</returns>
    public static ToolCallsResponse From(params IEnumerable<ToolCallResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new() { Results = [.. results] };
    }
}
