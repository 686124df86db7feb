using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary><c>{"type":"say"}</c>: the assistant says <see cref="Content"/> as is (no model turn).</summary>
public sealed class SayCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    public SayCommand()
        : base("say")
    {
    }

    /// <summary>What the assistant says.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary>Ends the call once the content has been spoken.</summary>
    [JsonPropertyName("endCallAfterSpoken")]
    public bool? EndCallAfterSpoken { get; set; }

    /// <summary>Whether the caller can interrupt the content.</summary>
    [JsonPropertyName("interruptionsEnabled")]
    public bool? InterruptionsEnabled { get; set; }

    /// <summary>Whether the content replaces what the assistant is saying now (Vapi's default: false).</summary>
    [JsonPropertyName("interruptAssistantEnabled")]
    public bool? InterruptAssistantEnabled { get; set; }
}
