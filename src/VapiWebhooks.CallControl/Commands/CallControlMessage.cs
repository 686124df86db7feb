using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>The message of an <see cref="AddMessageCommand"/> (Vapi's <c>OpenAIMessage</c>).</summary>
public sealed class CallControlMessage
{
    /// <summary>The role: <c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c> or <c>function</c> (see <see cref="CallControlMessageRoles"/>).</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = CallControlMessageRoles.System;

    /// <summary>The text.</summary>
    [JsonPropertyName("content")]
    public string Content { get; set; } = string.Empty;
}
