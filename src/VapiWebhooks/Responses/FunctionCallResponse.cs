using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>The reply to the legacy <c>function-call</c> message: <c>{"result": "..."}</c>.</summary>
public sealed class FunctionCallResponse
{
    /// <summary>The result the model sees.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; set; }

    /// <summary>A reply with the given result.</summary>
    /// <param name="result">What the model sees.</param>
    /// <returns>The reply.</returns>
    public static FunctionCallResponse From(string result) => new() { Result = result };
}
