using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>
/// The result of one tool call (<c>results[i]</c>). <see cref="ToolCallId"/> must repeat the call's id exactly,
/// or Vapi ignores the result. Set <see cref="Result"/> on success or <see cref="Error"/> on failure; both are
/// strings, and a single line works best.
/// </summary>
public sealed class ToolCallResult
{
    /// <summary>The id of the tool call this answers.</summary>
    [JsonPropertyName("toolCallId")]
    public string? ToolCallId { get; set; }

    /// <summary>The tool's function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The result the model sees, on success.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; set; }

    /// <summary>The error the model sees, on failure.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>What the assistant says about the result (a request-complete or request-failed message), as Vapi defines it.</summary>
    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }

    /// <summary>Data kept with the result in the call's artifact, not shown to the model.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; set; }

    /// <summary>A successful result.</summary>
    /// <param name="result">What the model sees.</param>
    /// <returns>The result; the dispatcher fills in the call id and name.</returns>
    public static ToolCallResult Success(string result) => new() { Result = result ?? string.Empty };

    /// <summary>A successful result for a given call.</summary>
    /// <param name="toolCallId">The id of the tool call.</param>
    /// <param name="name">The tool's function name.</param>
    /// <param name="result">What the model sees.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="toolCallId"/> or <paramref name="name"/> is null or blank (Vapi requires both).</exception>
    public static ToolCallResult Success(string toolCallId, string name, string result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolCallId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new() { ToolCallId = toolCallId, Name = name, Result = result ?? string.Empty };
    }

    /// <summary>A failed result.</summary>
    /// <param name="error">What the model sees; keep it to one line and free of secrets.</param>
    /// <returns>The result; the dispatcher fills in the call id and name.</returns>
    public static ToolCallResult Failure(string error) => new() { Error = error ?? string.Empty };

    /// <summary>A failed result for a given call.</summary>
    /// <param name="toolCallId">The id of the tool call.</param>
    /// <param name="name">The tool's function name.</param>
    /// <param name="error">What the model sees.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="toolCallId"/> or <paramref name="name"/> is null or blank (Vapi requires both).</exception>
    public static ToolCallResult Failure(string toolCallId, string name, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolCallId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new() { ToolCallId = toolCallId, Name = name, Error = error ?? string.Empty };
    }
}
