using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary><c>{"type":"control","control":...}</c>: mutes or unmutes a side, or says the first message.</summary>
public sealed class ControlCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="control">One of <see cref="CallControlActions"/>.</param>
    public ControlCommand(string control)
        : base("control")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(control);
        Control = control;
    }

    /// <summary>The action: <c>mute-assistant</c>, <c>unmute-assistant</c>, <c>mute-customer</c>, <c>unmute-customer</c> or <c>say-first-message</c>.</summary>
    [JsonPropertyName("control")]
    public string Control { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => Control;
}
