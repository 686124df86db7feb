using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The role of a message in a conversation (<c>artifact.messages[i].role</c>, <c>transcript.role</c>). Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<ConversationRole>))]
public readonly record struct ConversationRole(string Value) : IOpenStringValue<ConversationRole>
{
    /// <summary><c>user</c>.</summary>
    public static ConversationRole User { get; } = new("user");

    /// <summary><c>assistant</c>.</summary>
    public static ConversationRole Assistant { get; } = new("assistant");

    /// <summary><c>bot</c>.</summary>
    public static ConversationRole Bot { get; } = new("bot");

    /// <summary><c>system</c>.</summary>
    public static ConversationRole System { get; } = new("system");

    /// <summary><c>tool_calls</c>.</summary>
    public static ConversationRole ToolCalls { get; } = new("tool_calls");

    /// <summary><c>tool_call_result</c>.</summary>
    public static ConversationRole ToolCallResult { get; } = new("tool_call_result");

    /// <summary><c>tool</c>.</summary>
    public static ConversationRole Tool { get; } = new("tool");

    /// <summary><c>developer</c>.</summary>
    public static ConversationRole Developer { get; } = new("developer");

    /// <inheritdoc />
    public static ConversationRole FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
