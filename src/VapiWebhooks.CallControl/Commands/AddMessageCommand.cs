using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>
/// <c>{"type":"add-message"}</c>: adds a message to the conversation; with <see cref="TriggerResponseEnabled"/>
/// (Vapi's default) the model answers from it, so the assistant puts it in its own words.
/// </summary>
public sealed class AddMessageCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    public AddMessageCommand()
        : base("add-message")
    {
    }

    /// <summary>The message (an OpenAI-format <c>role</c> and <c>content</c>).</summary>
    [JsonPropertyName("message")]
    public CallControlMessage Message { get; set; } = new();

    /// <summary>True: the model answers now; false: the message is added silently.</summary>
    [JsonPropertyName("triggerResponseEnabled")]
    public bool? TriggerResponseEnabled { get; set; }
}
